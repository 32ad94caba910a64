/**
 * Numbers of issued reports (issue 10, item 2; Nghị định 30/2020, Điều 15): the next free number of the
 * symbol this year, proposed and editable; a number another issued report of the same symbol and year holds
 * refused (409 `number_taken`); a new year starting again from 01 on the agency's clock (Asia/Ho_Chi_Minh),
 * read through the server's injected clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NextNumber } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { auditActions, ok, refused, startWorkflowServer, storedFrame, type WorkflowFixture } from './support.js';

describe('numbers of issued reports', () => {
  let f: WorkflowFixture;
  beforeEach(async () => {
    f = await startWorkflowServer();
  });
  afterEach(async () => {
    await f.close();
  });

  const nextNumber = (reportId: string) => ok<NextNumber>(f.as('office', 'GET', `/api/reports/${reportId}/next-number`));

  async function approved(title: string): Promise<Report> {
    const report = await f.newReport(title);
    return f.bringTo(report.id, 'approved');
  }

  it('proposes 01 for the year’s first, then one after the highest issued; the number is the office’s to change', async () => {
    const first = await approved('Báo cáo thứ nhất');
    const second = await approved('Báo cáo thứ hai');
    const third = await approved('Báo cáo thứ ba');
    expect(await nextNumber(first.id)).toEqual({ number: '01', symbol: 'BC-UBND', year: 2025 });

    // Without a number or a date: the proposed number, and today (30 June 2025 at 10:00 in Hà Nội).
    expect(await ok<Report>(f.move('office', first.id, 'issued'))).toMatchObject({ number: '01', date: '2025-06-30' });
    expect(await nextNumber(second.id)).toEqual({ number: '02', symbol: 'BC-UBND', year: 2025 });
    // Numbers 02–06 went to documents issued on paper: the office types 07, as digits or as a number.
    expect(await ok<Report>(f.move('office', second.id, 'issued', { number: '07' }))).toMatchObject({ number: '07' });
    expect(await nextNumber(third.id)).toEqual({ number: '08', symbol: 'BC-UBND', year: 2025 });
    expect(await ok<Report>(f.move('admin', third.id, 'issued', { number: 3 }))).toMatchObject({ number: '03' });
    expect((await nextNumber(third.id)).number).toBe('08');
  });

  it('refuses a number another issued report of the symbol and year holds (409 number_taken), leaving the report approved and writable', async () => {
    const first = await approved('Báo cáo đã ban hành');
    await ok(f.move('office', first.id, 'issued', { number: 4, date: '2025-03-10' }));
    const second = await approved('Báo cáo trùng số');
    const writer = f.connect('noivu', second.id, 'section/tham-muu');
    await writer.synced();
    const auditBefore = await auditActions(f, second.id);

    for (const number of [4, '04', '004']) {
      const error = await refused(f.move('office', second.id, 'issued', { number, date: '2025-11-02' }), 409, 'number_taken');
      expect(error.message).toContain('04/BC-UBND');
    }
    const after = await ok<Report>(f.as('office', 'GET', `/api/reports/${second.id}`));
    expect(after.status).toBe('approved');
    expect(after.number).toBeUndefined();
    expect(await storedFrame(f.server, second.id)).toMatchObject({ number: '', date: '' });
    expect(await auditActions(f, second.id)).toEqual(auditBefore);
    // The department still writes.
    appendParagraph(writer.doc, 'Vẫn viết được.');
    await waitFor(async () => (await storedText(f.server.store, `${second.id}/section/tham-muu`)).includes('Vẫn viết được.'));

    // The same number in another year is another document (Điều 15: one sequence a year).
    expect(await ok<Report>(f.move('office', second.id, 'issued', { number: 4, date: '2026-01-05' }))).toMatchObject({ number: '04', date: '2026-01-05' });
  });

  it('starts a new year from 01 at midnight in Hà Nội, whatever the hour in UTC', async () => {
    const lastOfYear = await approved('Báo cáo cuối năm');
    const firstOfYear = await approved('Báo cáo đầu năm');
    // 23:30 on 31 December 2025 in Hà Nội (UTC+7).
    f.clock.set('2025-12-31T16:30:00.000Z');
    expect(await nextNumber(lastOfYear.id)).toEqual({ number: '01', symbol: 'BC-UBND', year: 2025 });
    expect(await ok<Report>(f.move('office', lastOfYear.id, 'issued'))).toMatchObject({ number: '01', date: '2025-12-31' });
    expect(await nextNumber(firstOfYear.id)).toEqual({ number: '02', symbol: 'BC-UBND', year: 2025 });

    // 00:30 on 1 January 2026 in Hà Nội; still 31 December in UTC.
    f.clock.set('2025-12-31T17:30:00.000Z');
    expect(await nextNumber(firstOfYear.id)).toEqual({ number: '01', symbol: 'BC-UBND', year: 2026 });
    expect(await ok<Report>(f.move('office', firstOfYear.id, 'issued'))).toMatchObject({ number: '01', date: '2026-01-01' });
    expect(await nextNumber(firstOfYear.id)).toEqual({ number: '02', symbol: 'BC-UBND', year: 2026 });
  });

  it('numbers each symbol on its own: the frame’s symbol at issuing is the one that counts', async () => {
    const report = await approved('Báo cáo của Văn phòng');
    const other = await approved('Báo cáo khác');
    await ok(f.move('office', other.id, 'issued'));
    const frame = f.connect('office', report.id, 'frame');
    await frame.synced();
    frame.doc.getMap('frame').set('symbol', 'BC-VP');
    await waitFor(async () => (await storedFrame(f.server, report.id)).symbol === 'BC-VP');
    expect(await nextNumber(report.id)).toEqual({ number: '01', symbol: 'BC-VP', year: 2025 });
    expect(await ok<Report>(f.move('office', report.id, 'issued'))).toMatchObject({ number: '01', symbol: 'BC-VP' });
  });
});
