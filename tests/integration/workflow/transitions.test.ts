/**
 * A report's status (issue 10, item 1) against a real server: every move by every role, allowed and
 * refused (403 for a role that may not make it, 409 for a move the workflow lacks), each change one at a
 * time, stored with an audit entry and a version of every room, and mirrored live into the review room.
 */
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Version } from '../../../common/api/workflow.js';
import type { Report, ReportStatus } from '../../../common/report.js';
import { REVIEW_STATE_MAP } from '../../../common/rooms.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { auditActions, EVERYONE, ok, refused, startWorkflowServer, workflowEntries, type WorkflowFixture, type Who } from './support.js';

const STATUSES: readonly ReportStatus[] = ['draft', 'review', 'approved', 'issued'];

/** The workflow as CONTRACT.md gives it, written out here rather than read from the code under test. */
const ALLOWED: Record<string, readonly Who[]> = {
  'draft→review': ['admin', 'office'],
  'review→approved': ['chair'],
  'review→draft': ['admin', 'office', 'chair'],
  'approved→issued': ['admin', 'office'],
  'approved→draft': ['admin', 'office', 'chair'],
};
/** Who may move a report to a status at all (from wherever): anyone else is refused 403. */
const MAY_MOVE_TO: Record<ReportStatus, readonly Who[]> = {
  review: ['admin', 'office'],
  approved: ['chair'],
  draft: ['admin', 'office', 'chair'],
  issued: ['admin', 'office'],
};

type Outcome = { status: 200 } | { status: 403 | 409; code: string };

function expected(from: ReportStatus, to: ReportStatus, who: Who): Outcome {
  if (ALLOWED[`${from}→${to}`]?.includes(who)) return { status: 200 };
  if (!MAY_MOVE_TO[to].includes(who)) return { status: 403, code: 'forbidden' };
  if (from === 'issued') return { status: 409, code: 'report_issued' };
  return { status: 409, code: 'invalid_transition' };
}

describe('report status', () => {
  let f: WorkflowFixture;
  beforeEach(async () => {
    f = await startWorkflowServer();
  });
  afterEach(async () => {
    await f.close();
  });

  /** What a refused move must leave as it was. */
  const state = async (reportId: string) => ({
    report: await ok<Report>(f.as('office', 'GET', `/api/reports/${reportId}`)),
    audit: await auditActions(f, reportId),
    versions: await ok<Version[]>(f.as('office', 'GET', `/api/reports/${reportId}/versions`)),
  });

  it('refuses every move a role may not make (403) and every move the workflow lacks (409), changing nothing', async () => {
    for (const from of STATUSES) {
      const report = await f.newReport(`Báo cáo ở trạng thái ${from}`);
      await f.bringTo(report.id, from);
      const before = await state(report.id);
      for (const to of STATUSES) {
        for (const who of EVERYONE) {
          const outcome = expected(from, to, who);
          if (outcome.status === 200) continue;
          const error = await refused(f.move(who, report.id, to), outcome.status, outcome.code);
          expect(error.message.length, `${who}: ${from} → ${to}`).toBeGreaterThan(10);
        }
      }
      expect(await state(report.id), from).toEqual(before);
    }
  });

  it('lets each role make exactly the moves the workflow gives it', async () => {
    for (const [move, roles] of Object.entries(ALLOWED)) {
      const [from, to] = move.split('→') as [ReportStatus, ReportStatus];
      for (const who of roles) {
        const report = await f.newReport(`Báo cáo ${move} bởi ${who}`);
        await f.bringTo(report.id, from);
        const moved = await ok<Report>(f.move(who, report.id, to));
        expect(moved.status, `${who}: ${move}`).toBe(to);
        // The answer is the report as GET answers it, each section with its review.
        expect(moved.sections.map((section) => section.review?.state)).toEqual(report.sections.map(() => 'none'));
        expect((await ok<Report>(f.as('noivu', 'GET', `/api/reports/${report.id}`))).status).toBe(to);
        const listed = await ok<Report[]>(f.as('vhtt', 'GET', '/api/reports'));
        expect(listed.find((entry) => entry.id === report.id)?.status).toBe(to);
      }
    }
  });

  it('writes each change to the audit log and stores a version of every room with it, newest first', async () => {
    const report = await f.newReport();
    const writer = f.connect('noivu', report.id, 'section/tham-muu');
    await writer.synced();
    appendParagraph(writer.doc, 'Đã tổ chức 12 hội nghị.');
    await waitFor(async () => (await storedText(f.server.store, `${report.id}/section/tham-muu`)).includes('12 hội nghị'));

    await ok(f.move('office', report.id, 'review'));
    await ok(f.move('chair', report.id, 'draft'));
    appendParagraph(writer.doc, 'Bổ sung số liệu quý II.');
    await waitFor(async () => (await storedText(f.server.store, `${report.id}/section/tham-muu`)).includes('quý II'));
    await ok(f.move('office', report.id, 'review'));
    await ok(f.move('chair', report.id, 'approved'));

    const entries = workflowEntries(
      await ok<Array<{ action: string; userId: string; detail: Record<string, string> }>>(f.as('chair', 'GET', `/api/reports/${report.id}/audit`)),
    );
    expect(entries.map(({ action, userId, detail }) => [action, userId, detail.from, detail.to])).toEqual([
      ['status.review', f.ids.office, 'draft', 'review'],
      ['status.draft', f.ids.chair, 'review', 'draft'],
      ['status.review', f.ids.office, 'draft', 'review'],
      ['status.approved', f.ids.chair, 'review', 'approved'],
    ]);

    const versions = await ok<Version[]>(f.as('vhtt', 'GET', `/api/reports/${report.id}/versions`));
    expect(versions.map(({ label, kind, status, by }) => [label, kind, status, by])).toEqual([
      ['Đã duyệt', 'status', 'approved', f.ids.chair],
      ['Trình duyệt', 'status', 'review', f.ids.office],
      ['Trả về dự thảo', 'status', 'draft', f.ids.chair],
      ['Trình duyệt', 'status', 'review', f.ids.office],
    ]);
    expect(entries.map((entry) => entry.detail.versionId)).toEqual(versions.map((version) => version.id).reverse());

    // Each version holds the frame and every section as they were at that change.
    const sectionOf = async (version: Version) => {
      const stored = await f.server.store.getVersion(report.id, version.id);
      expect([...stored!.rooms.keys()].sort()).toEqual([`${report.id}/frame`, ...report.sections.map((section) => section.room)].sort());
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored!.rooms.get(`${report.id}/section/tham-muu`)!);
      const text = sectionText(doc);
      doc.destroy();
      return text;
    };
    expect(await sectionOf(versions[3]!)).toContain('12 hội nghị');
    expect(await sectionOf(versions[3]!)).not.toContain('quý II');
    expect(await sectionOf(versions[0]!)).toContain('quý II');
  });

  it('mirrors every change into the review room at once, for everyone who reads the report', async () => {
    const report = await f.newReport();
    const watcher = f.connect('vhtt', report.id, 'review');
    await watcher.synced();
    const status = () => watcher.doc.getMap(REVIEW_STATE_MAP).get('status');
    expect(status()).toBe('draft');
    for (const [who, to] of [
      ['office', 'review'],
      ['chair', 'approved'],
      ['office', 'draft'],
    ] as Array<[Who, ReportStatus]>) {
      await ok(f.move(who, report.id, to));
      await waitFor(() => status() === to, { what: `the review room showing ${to}` });
    }
  });

  it('runs the changes of one report one at a time: of the same move sent twice at once, the second is refused', async () => {
    const report = await f.newReport();
    const answers = await Promise.all([f.move('office', report.id, 'review'), f.move('admin', report.id, 'review')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    await refused(Promise.resolve(answers.find((answer) => answer.status === 409)!), 409, 'invalid_transition');
    expect((await ok<Report>(f.as('office', 'GET', `/api/reports/${report.id}`))).status).toBe('review');
    expect(await auditActions(f, report.id)).toEqual(['status.review']);
    expect(await ok<Version[]>(f.as('office', 'GET', `/api/reports/${report.id}/versions`))).toHaveLength(1);
  });

  it('lets the office save a version under a name of its own, listed with the others', async () => {
    const report = await f.newReport();
    await ok(f.move('office', report.id, 'review'));
    const saved = await ok<Version>(f.as('office', 'POST', `/api/reports/${report.id}/versions`, { label: '  Bản gửi họp giao ban  ' }), 201);
    expect(saved).toMatchObject({ label: 'Bản gửi họp giao ban', kind: 'manual', status: 'review', by: f.ids.office, byName: 'Nguyễn Thị Thu' });
    const versions = await ok<Version[]>(f.as('chair', 'GET', `/api/reports/${report.id}/versions`));
    expect(versions.map((version) => version.label)).toEqual(['Bản gửi họp giao ban', 'Trình duyệt']);
    expect(await auditActions(f, report.id)).toEqual(['status.review', 'version.created']);
  });
});
