/**
 * One title per report (issue 10, item 7): the list's title is the frame's subject, kept in step both
 * ways — the office types the subject in the header and the title follows; the office renames the report
 * over REST and the subject is written into the frame room as a server edit, stored, then relayed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportListEntry } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { waitFor } from '../../helpers/waitFor.js';
import { ok, refused, startWorkflowServer, storedFrame, type WorkflowFixture } from '../workflow/support.js';

describe('the title and the frame’s subject', () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport('Báo cáo sơ kết 6 tháng đầu năm 2025');
  });
  afterEach(async () => {
    await f.close();
  });

  const listedTitle = async (who: 'office' | 'noivu' = 'office') =>
    (await ok<ReportListEntry[]>(f.as(who, 'GET', '/api/reports'))).find((entry) => entry.id === report.id)?.title;

  it('starts equal: a new report’s frame carries its title as the subject', async () => {
    expect((await storedFrame(f.server, report.id)).subject).toBe('Báo cáo sơ kết 6 tháng đầu năm 2025');
  });

  it('makes the title follow the subject the office types in the header, for every reader of the list', async () => {
    const office = f.connect('office', report.id, 'frame');
    await office.synced();
    const frame = office.doc.getMap<unknown>(FRAME_MAP);
    frame.set('subject', 'Sơ kết công tác thi đua');
    frame.set('subject', 'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025');
    await waitFor(async () => (await listedTitle()) === 'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025', { what: 'the title following' });
    expect(await listedTitle('noivu')).toBe('Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025');
    expect((await ok<Report>(f.as('chair', 'GET', `/api/reports/${report.id}`))).title).toBe('Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025');

    // A subject written over two lines is one line of the list; a blank one leaves the title as it was.
    frame.set('subject', '  Tổng kết công tác\n  năm 2025 ');
    await waitFor(async () => (await listedTitle()) === 'Tổng kết công tác năm 2025', { what: 'the title in one line' });
    frame.set('subject', '   ');
    frame.set('signerName', 'Nguyễn Văn An');
    await waitFor(async () => (await storedFrame(f.server, report.id)).signerName === 'Nguyễn Văn An', { what: 'a later edit stored' });
    expect(await listedTitle()).toBe('Tổng kết công tác năm 2025');
  });

  it('writes a REST rename into the frame as a server edit: stored, then sent to everyone connected', async () => {
    const office = f.connect('office', report.id, 'frame');
    const chair = f.connect('chair', report.id, 'frame');
    await Promise.all([office.synced(), chair.synced()]);
    const renamed = await ok<Report>(f.as('office', 'PATCH', `/api/reports/${report.id}`, { title: '  Báo cáo tổng kết năm 2025  ' }));
    expect(renamed).toMatchObject({ id: report.id, title: 'Báo cáo tổng kết năm 2025', status: 'draft' });
    expect((await storedFrame(f.server, report.id)).subject).toBe('Báo cáo tổng kết năm 2025');
    for (const client of [office, chair]) {
      await waitFor(() => client.doc.getMap(FRAME_MAP).get('subject') === 'Báo cáo tổng kết năm 2025', { what: 'the subject relayed' });
    }
    expect(await listedTitle()).toBe('Báo cáo tổng kết năm 2025');
    const log = await ok<Array<{ action: string; userId: string; detail: Record<string, string> }>>(f.as('chair', 'GET', `/api/reports/${report.id}/audit`));
    expect(log.filter((entry) => entry.action === 'report.renamed')).toEqual([
      expect.objectContaining({ userId: f.ids.office, detail: { from: 'Báo cáo sơ kết 6 tháng đầu năm 2025', to: 'Báo cáo tổng kết năm 2025' } }),
    ]);
    // The same title again changes nothing and writes no entry.
    await ok(f.as('admin', 'PATCH', `/api/reports/${report.id}`, { title: 'Báo cáo tổng kết năm 2025' }));
    const again = await ok<Array<{ action: string }>>(f.as('chair', 'GET', `/api/reports/${report.id}/audit`));
    expect(again.filter((entry) => entry.action === 'report.renamed')).toHaveLength(1);
  });

  it('ends with the title equal to the subject when the office types it while a rename arrives', async () => {
    const office = f.connect('office', report.id, 'frame');
    await office.synced();
    const frame = office.doc.getMap<unknown>(FRAME_MAP);
    const renames: Array<Promise<Response>> = [];
    for (let i = 1; i <= 20; i++) {
      frame.set('subject', `Tiêu đề gõ lần ${i}`);
      if (i % 5 === 0) renames.push(f.as('office', 'PATCH', `/api/reports/${report.id}`, { title: `Tiêu đề đổi lần ${i}` }));
    }
    for (const response of renames) expect((await response).status).toBe(200);
    await waitFor(
      async () => {
        const subject = (await storedFrame(f.server, report.id)).subject;
        return subject === office.doc.getMap(FRAME_MAP).get('subject') && (await listedTitle()) === subject;
      },
      { what: 'title, stored subject and the client’s subject agreeing' },
    );
  });

  it('refuses to rename an issued report (409 report_issued), leaving title and subject; archiving it stays allowed', async () => {
    await f.bringTo(report.id, 'issued', { number: 3, date: '2025-06-30' });
    await refused(f.as('office', 'PATCH', `/api/reports/${report.id}`, { title: 'Tên khác' }), 409, 'report_issued');
    await refused(f.as('office', 'PATCH', `/api/reports/${report.id}`, { title: 'Tên khác', archived: true }), 409, 'report_issued');
    expect((await ok<Report>(f.as('office', 'GET', `/api/reports/${report.id}`))).archivedAt).toBeUndefined();
    expect((await storedFrame(f.server, report.id)).subject).toBe('Báo cáo sơ kết 6 tháng đầu năm 2025');
    expect(await ok<Report>(f.as('office', 'PATCH', `/api/reports/${report.id}`, { archived: true }))).toMatchObject({
      title: 'Báo cáo sơ kết 6 tháng đầu năm 2025',
      status: 'issued',
      archivedAt: expect.any(String),
    });
  });
});
