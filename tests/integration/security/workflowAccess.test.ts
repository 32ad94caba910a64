/**
 * The workflow's calls (issue 10) against a real server: every role on every call, allowed and refused
 * (403); every call refused without a session (401), on a report not shared with the caller (403) or that
 * does not exist (404), and with bad input (400) — each in the error format of CONTRACT.md, and none of the
 * refusals changing anything.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRouteName } from '../../../common/api/routes.js';
import { MAX_VERSION_LABEL_LENGTH, workflowRoutes, type NextNumber, type Version } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { call } from '../../helpers/api.js';
import { auditActions, EVERYONE, ok, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';
import { expectError } from './support.js';

interface WorkflowCall {
  name: keyof typeof workflowRoutes;
  method: string;
  path: string;
  body?: unknown;
}

/** Every workflow call of a report, each with an input that fits (the move: draft → review). */
const calls = (reportId: string): WorkflowCall[] => {
  const base = `/api/reports/${reportId}`;
  return [
    { name: 'changeReportStatus', method: 'POST', path: `${base}/status`, body: { to: 'review' } },
    { name: 'nextReportNumber', method: 'GET', path: `${base}/next-number` },
    { name: 'listVersions', method: 'GET', path: `${base}/versions` },
    { name: 'createVersion', method: 'POST', path: `${base}/versions`, body: { label: 'Bản lưu' } },
  ];
};

/** Who may make each call on a report they may read (CONTRACT.md); everyone else is refused 403. */
const ALLOWED: Record<WorkflowCall['name'], readonly Who[]> = {
  changeReportStatus: ['admin', 'office'],
  nextReportNumber: ['admin', 'office'],
  listVersions: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  createVersion: ['admin', 'office'],
};

describe('workflow access control', () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
  });
  afterEach(async () => {
    await f.close();
  });

  /** What a refused call must leave as it was. */
  const state = async (reportId = report.id) => ({
    report: await ok<Report>(f.as('office', 'GET', `/api/reports/${reportId}`)),
    audit: await auditActions(f, reportId),
    versions: await ok<Version[]>(f.as('office', 'GET', `/api/reports/${reportId}/versions`)),
    next: await ok<NextNumber>(f.as('office', 'GET', `/api/reports/${reportId}/next-number`)),
  });

  it('names every workflow route', () => {
    expect(calls(report.id).map((entry) => entry.name).sort()).toEqual((Object.keys(workflowRoutes) as ApiRouteName[]).sort());
  });

  it('lets every role make exactly the calls it may, and refuses the others (403), changing nothing', async () => {
    for (const who of EVERYONE) {
      for (const entry of calls(report.id)) {
        const allowed = ALLOWED[entry.name].includes(who);
        if (!allowed) {
          const before = await state();
          await expectError(await f.as(who, entry.method, entry.path, entry.body), 403, 'forbidden');
          expect(await state(), `${who} ${entry.name}`).toEqual(before);
          continue;
        }
        // An allowed change runs on a report of its own, so each starts from a draft.
        const own = entry.method === 'GET' ? report : await f.newReport(`Báo cáo của ${who} ${entry.name}`);
        const target = calls(own.id).find((candidate) => candidate.name === entry.name)!;
        const response = await f.as(who, target.method, target.path, target.body);
        expect(response.status, `${who} ${entry.name}: ${await response.clone().text()}`).toBe(workflowRoutes[entry.name].success.status);
      }
    }
  });

  it('refuses every workflow call without a session or with a forged one (401), changing nothing', async () => {
    const before = await state();
    for (const entry of calls(report.id)) {
      await expectError(await call(f.server.url, null, entry.method, entry.path, entry.body), 401, 'unauthenticated');
      await expectError(await call(f.server.url, 'ds_session=nimmt-niemand', entry.method, entry.path, entry.body), 401, 'unauthenticated');
    }
    expect(await state()).toEqual(before);
  });

  it('refuses every workflow call on a report not shared with the caller (403), and on one that does not exist (404)', async () => {
    const before = await state();
    // The stranger's department owns no section: even reading the versions is refused.
    for (const entry of calls(report.id)) await expectError(await f.as('stranger', entry.method, entry.path, entry.body), 403, 'forbidden');
    for (const entry of [...calls('khongco'), ...calls('khong co')]) await expectError(await f.as('office', entry.method, entry.path, entry.body), 404, 'not_found');
    expect(await state()).toEqual(before);
  });

  it('refuses bad input (400), naming what is wrong, changing nothing', async () => {
    const approved = await f.newReport('Báo cáo đã duyệt');
    await f.bringTo(approved.id, 'approved');
    const before = [await state(), await state(approved.id)];
    const status = `/api/reports/${report.id}/status`;
    const issue = `/api/reports/${approved.id}/status`;
    const versions = `/api/reports/${report.id}/versions`;
    const bad: Array<[string, unknown]> = [
      [status, {}],
      [status, { to: 'published' }],
      [status, { to: 'review', number: 3 }],
      [status, { to: 'review', date: '2025-06-30' }],
      [status, { to: 'review', by: f.ids.chair }],
      [issue, { to: 'issued', number: 0 }],
      [issue, { to: 'issued', number: -2 }],
      [issue, { to: 'issued', number: 1.5 }],
      [issue, { to: 'issued', number: '000' }],
      [issue, { to: 'issued', number: 'năm' }],
      [issue, { to: 'issued', number: '5a' }],
      [issue, { to: 'issued', number: 1_000_000 }],
      [issue, { to: 'issued', date: '2025-02-30' }],
      [issue, { to: 'issued', date: '30/06/2025' }],
      [issue, { to: 'issued', date: 20250630 }],
      [versions, {}],
      [versions, { label: '   ' }],
      [versions, { label: 'x'.repeat(MAX_VERSION_LABEL_LENGTH + 1) }],
      [versions, { label: 'chuông\u0007' }],
      [versions, { label: 'Bản lưu', id: 'chon-san' }],
    ];
    for (const [path, body] of bad) {
      const error = await expectError(await f.as('office', 'POST', path, body), 400, 'invalid_input');
      if (Object.keys(body as object).length > 0) expect(error.message, JSON.stringify(body)).toMatch(/^[a-zA-Z.0-9]+: |^Unrecognized key/);
    }
    expect([await state(), await state(approved.id)]).toEqual(before);
  });
});
