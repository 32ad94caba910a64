/**
 * The workspace's audit log, `GET /api/audit` (issue 10, item 6): for the office, the admin and the
 * chairperson, newest first, filtered by report, account, action (or family) and time, paged without
 * gaps or repeats, and as CSV; with an entry for every kind of action — exports included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogEntry, AuditLogPage } from '../../../common/api/audit.js';
import type { Report } from '../../../common/report.js';
import { ok, refused, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';

describe('the workspace’s audit log', () => {
  let f: WorkflowFixture;
  let first: Report;
  let second: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    f.clock.set('2025-06-01T02:00:00.000Z');
    first = await f.newReport('Báo cáo quý I');
    f.clock.set('2025-06-15T02:00:00.000Z');
    second = await f.newReport('Báo cáo quý II');
    await ok(f.as('office', 'PATCH', `/api/reports/${second.id}`, { title: 'Báo cáo quý II năm 2025' }));
    f.clock.set('2025-06-30T02:00:00.000Z');
    await ok(f.as('office', 'PATCH', `/api/reports/${first.id}`, { archived: true }));
  });
  afterEach(async () => {
    await f.close();
  });

  const page = (who: Who, query = '') => ok<AuditLogPage>(f.as(who, 'GET', `/api/audit${query}`));

  it('is read by the office, the admin and the chair, newest first, and by no department', async () => {
    for (const who of ['office', 'admin', 'chair'] as const) {
      const { entries, total } = await page(who);
      expect(entries.length, who).toBe(Math.min(total, 50));
      expect(entries.map((entry) => Number(entry.id))).toEqual(entries.map((entry) => Number(entry.id)).sort((a, b) => b - a));
      expect(entries[0]).toMatchObject({ action: 'report.archived', reportId: first.id, reportTitle: 'Báo cáo quý I', userId: f.ids.office, userName: 'Nguyễn Thị Thu' });
    }
    for (const who of ['noivu', 'vhtt', 'stranger'] as const) {
      await refused(f.as(who, 'GET', '/api/audit'), 403, 'forbidden');
      await refused(f.as(who, 'GET', '/api/audit?format=csv'), 403, 'forbidden');
    }
  });

  it('filters by report, account, action or family, and time', async () => {
    const all = (query: string) => page('office', `?limit=500&${query}`);
    expect((await all(`report=${second.id}`)).entries.map((e) => e.action).reverse()).toEqual([
      'report.created',
      'section.assigned',
      'section.assigned',
      'report.renamed',
    ]);
    const renamed = (await all('action=report.renamed')).entries;
    expect(renamed.map((e) => [e.reportId, e.reportTitle, e.detail])).toEqual([
      [second.id, 'Báo cáo quý II năm 2025', { from: 'Báo cáo quý II', to: 'Báo cáo quý II năm 2025' }],
    ]);
    expect(new Set((await all('action=report')).entries.map((e) => e.action))).toEqual(new Set(['report.created', 'report.renamed', 'report.archived']));
    const byChair = (await all(`user=${f.ids.chair}`)).entries;
    expect(byChair.length).toBeGreaterThan(0);
    expect(byChair.every((e) => e.userId === f.ids.chair && e.action === 'signin.succeeded')).toBe(true);
    // Time (the rename and the archiving happened at the test clock's times; creation at the system's):
    // a date is the whole day (UTC); a date-time is exact.
    expect((await all(`report=${second.id}&from=2025-06-15&to=2025-06-15`)).entries.map((e) => e.action)).toEqual(['report.renamed']);
    expect((await all(`report=${second.id}&from=2025-06-16&to=2025-06-30`)).total).toBe(0);
    expect((await all(`report=${first.id}&from=2025-06-02&to=2025-06-30`)).entries.map((e) => e.action)).toEqual(['report.archived']);
    expect((await all(`report=${first.id}&from=2025-06-30T02:00:00.001Z&to=2025-07-01`)).total).toBe(0);
    expect((await all(`from=2025-06-30T09:00:00%2B07:00&to=2025-06-30T09:00:00.001%2B07:00`)).entries.map((e) => e.action)).toEqual(['report.archived']);
    expect((await all(`report=${second.id}&action=status`)).total).toBe(0);
  });

  it('pages newest first without gaps or repeats, and says where the next page starts', async () => {
    const everything = (await page('chair', '?limit=500')).entries;
    const seen: AuditLogEntry[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const answer: AuditLogPage = await page('chair', `?limit=3${next === null ? '' : `&before=${next}`}`);
      expect(answer.total).toBe(everything.length);
      expect(answer.entries.length).toBeLessThanOrEqual(3);
      seen.push(...answer.entries);
      next = answer.next;
      pages++;
    } while (next !== null);
    expect(seen).toEqual(everything);
    expect(pages).toBe(Math.ceil(everything.length / 3));
  });

  it('gives every matching entry as CSV, with the names beside the ids', async () => {
    const json = (await page('office', `?limit=500&report=${second.id}`)).entries;
    const response = await f.as('office', 'GET', `/api/audit?format=csv&limit=1&report=${second.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="nhat-ky-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('at,userId,userName,reportId,reportTitle,action,detail');
    expect(lines).toHaveLength(json.length + 2);
    expect(lines.at(-1)).toBe('');
    const renamed = json.find((entry) => entry.action === 'report.renamed')!;
    expect(lines).toContain(
      `${renamed.at},${f.ids.office},Nguyễn Thị Thu,${second.id},Báo cáo quý II năm 2025,report.renamed,"{""from"":""Báo cáo quý II"",""to"":""Báo cáo quý II năm 2025""}"`,
    );
  });

  it('writes every Word download: built, with comments, and the file stored at issuing', async () => {
    const download = async (query = '') => expect((await f.as('noivu', 'GET', `/api/reports/${second.id}/export.docx${query}`)).status).toBe(200);
    await download();
    await download('?comments=1');
    const issued = await f.bringTo(second.id, 'issued', { number: 4, date: '2025-06-30' });
    await download();
    const exports = (await page('office', `?action=export&report=${second.id}`)).entries.reverse();
    expect(exports.map(({ userId, action, detail }) => ({ userId, action, detail }))).toEqual([
      { userId: f.ids.noivu, action: 'export.docx', detail: {} },
      { userId: f.ids.noivu, action: 'export.docx', detail: { comments: '1' } },
      { userId: f.ids.noivu, action: 'export.docx', detail: { issued: '1', sha256: issued.issuedSha256 } },
    ]);
  });

  it('refuses filters that do not fit (400), naming the one at fault', async () => {
    for (const query of ['limit=0', 'limit=501', 'limit=x', 'before=0', 'before=-1', 'action=Comment', 'action=a.b.c', 'from=30/06/2025', 'to=2025-02-30', 'format=xml', 'reportId=x']) {
      const error = await refused(f.as('office', 'GET', `/api/audit?${query}`), 400, 'invalid_input');
      expect(error.message, query).toMatch(/^[a-zA-Z]+: |^Unrecognized key/);
    }
  });
});
