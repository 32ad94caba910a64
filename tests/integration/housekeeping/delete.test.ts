/**
 * Deleting a draft (issue 10, item 7): its rooms and everything of it go — sections, review, versions,
 * the stored state of every room — but its audit entries, with `report.deleted` saying what it was. Every
 * open connection is closed with 4404 and a later one is refused 404. Only drafts: anything else is 409.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Version } from '../../../common/api/workflow.js';
import type { AuditLogPage } from '../../../common/api/audit.js';
import { CloseCode } from '../../../common/closeCodes.js';
import type { Report, ReportStatus } from '../../../common/report.js';
import type { CommentThread } from '../../../common/review.js';
import { formatRoomName } from '../../../common/rooms.js';
import { upgradeStatus } from '../../helpers/collabClient.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { anchorOfWords } from '../review/support.js';
import { nextCloseCode } from '../security/support.js';
import { ok, refused, startWorkflowServer, type WorkflowFixture } from '../workflow/support.js';
import { writeParagraph } from './support.js';

describe('deleting a report', () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport('Báo cáo nháp bỏ đi');
  });
  afterEach(async () => {
    await f.close();
  });

  const rooms = (r: Report) => [
    formatRoomName({ reportId: r.id, part: { kind: 'frame' } }),
    formatRoomName({ reportId: r.id, part: { kind: 'review' } }),
    ...r.sections.map((section) => section.room),
  ];

  it('removes the draft and everything of it but its audit entries', async () => {
    const writer = await writeParagraph(f, 'noivu', report.id, 'tham-muu', 'Nội dung sẽ bị xóa.');
    const base = `/api/reports/${report.id}`;
    await ok<CommentThread>(
      f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor: anchorOfWords(writer.doc, 'bị xóa'), quote: 'bị xóa', body: 'Xóa thật?' }),
      201,
    );
    await ok<Version>(f.as('office', 'POST', `${base}/versions`, { label: 'Bản lưu' }), 201);
    const keep = await f.newReport('Báo cáo giữ lại');
    await writeParagraph(f, 'noivu', keep.id, 'tham-muu', 'Nội dung giữ lại.');

    await ok(f.as('office', 'DELETE', base), 204);
    await refused(f.as('office', 'GET', base), 404, 'not_found');
    await refused(f.as('office', 'DELETE', base), 404, 'not_found');
    expect((await ok<Report[]>(f.as('office', 'GET', '/api/reports'))).map((r) => r.id)).toEqual([keep.id]);
    const store = f.server.store;
    expect(await store.getReport(report.id)).toBeNull();
    expect(await store.listThreads(report.id)).toEqual([]);
    expect(await store.listVersions(report.id)).toEqual([]);
    for (const room of rooms(report)) expect(await store.loadDocument(room), room).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    // Nothing of the other report went with it.
    expect((await store.loadDocument(`${keep.id}/section/tham-muu`)).lastSeq).toBeGreaterThan(0);

    const log = await ok<AuditLogPage>(f.as('chair', 'GET', `/api/audit?report=${report.id}`));
    // Newest first: the edits of this hour are counted before the report goes.
    expect(log.entries.map((entry) => entry.action)).toEqual([
      'report.deleted',
      'section.edited',
      'version.created',
      'comment.created',
      'section.assigned',
      'section.assigned',
      'report.created',
    ]);
    expect(log.entries[0]).toMatchObject({ userId: f.ids.office, reportTitle: 'Báo cáo nháp bỏ đi', detail: { title: 'Báo cáo nháp bỏ đi' } });
    expect(log.entries[1]).toMatchObject({ userId: f.ids.noivu, reportTitle: 'Báo cáo nháp bỏ đi', detail: { sectionId: 'tham-muu', count: '1' } });
  });

  it('closes every open connection to its rooms with 4404, refuses later ones with 404, and stores nothing sent after', async () => {
    const section = f.connect('noivu', report.id, 'section/tham-muu');
    const frame = f.connect('office', report.id, 'frame');
    const review = f.connect('chair', report.id, 'review');
    await Promise.all([section.synced(), frame.synced(), review.synced()]);
    const closed = [section, frame, review].map(nextCloseCode);

    await ok(f.as('admin', 'DELETE', `/api/reports/${report.id}`), 204);
    expect(await Promise.all(closed)).toEqual([CloseCode.reportDeleted, CloseCode.reportDeleted, CloseCode.reportDeleted]);
    appendParagraph(section.doc, 'Gõ sau khi xóa.');
    for (const room of rooms(report)) expect(await upgradeStatus(f.server.collabUrl, room, f.cookies.office), room).toBe(404);
    for (const room of rooms(report)) expect(await f.server.store.loadDocument(room), room).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
  });

  it('refuses a report that is not a draft (409 report_not_draft), changing nothing', async () => {
    for (const status of ['review', 'approved', 'issued'] as ReportStatus[]) {
      const target = await f.newReport(`Báo cáo ${status}`);
      await f.bringTo(target.id, status, { number: 1, date: '2025-06-30' });
      const before = await ok<Report>(f.as('office', 'GET', `/api/reports/${target.id}`));
      await refused(f.as('office', 'DELETE', `/api/reports/${target.id}`), 409, 'report_not_draft');
      expect(await ok<Report>(f.as('office', 'GET', `/api/reports/${target.id}`))).toEqual(before);
      const connected = f.connect('chair', target.id, 'frame');
      await connected.synced();
    }
  });
});
