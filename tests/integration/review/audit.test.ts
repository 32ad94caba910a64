/**
 * A report's audit log (issue 9): every change of its review with who made it and when, for the office,
 * the admin and the chairperson, as JSON or as CSV.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, CommentThread } from '../../../common/review.js';
import { anchorOfWords, ok, refused, reviewEntries, startReviewServer, writeParagraph, type ReviewFixture } from './support.js';

describe('the audit log', () => {
  let f: ReviewFixture;
  let base: string;
  beforeEach(async () => {
    f = await startReviewServer();
    base = `/api/reports/${f.report.id}`;
  });
  afterEach(async () => {
    await f.close();
  });

  it('is read by the office, the admin and the chair, oldest first, and by no department', async () => {
    const owner = await writeParagraph(f, 'noivu', 'tham-muu', 'Tổ chức 3 hội nghị.');
    const thread = await ok<CommentThread>(
      f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor: anchorOfWords(owner.doc, '3 hội nghị'), quote: '3 hội nghị', body: 'Hội nghị nào?' }),
      201,
    );
    await ok(f.as('chair', 'PUT', `${base}/sections/ket-qua/review`, { state: 'returned', note: 'Bổ sung "quý IV", số liệu' }));

    const expected = [
      { userId: f.ids.chair, action: 'comment.created', detail: { threadId: thread.id, sectionId: 'tham-muu' } },
      { userId: f.ids.chair, action: 'section.returned', detail: { sectionId: 'ket-qua', note: 'Bổ sung "quý IV", số liệu' } },
    ];
    for (const who of ['office', 'admin', 'chair'] as const) {
      const log = reviewEntries(await ok<AuditEntry[]>(f.as(who, 'GET', `${base}/audit`)));
      expect(log.map(({ userId, action, detail }) => ({ userId, action, detail })), who).toEqual(expected);
      expect(log.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    }
    for (const who of ['noivu', 'vhtt', 'stranger'] as const) await refused(f.as(who, 'GET', `${base}/audit`), 403, 'forbidden');
    await refused(f.as('office', 'GET', '/api/reports/khongco/audit'), 404, 'not_found');
    await refused(f.as('office', 'GET', `${base}/audit?format=xml`), 400, 'invalid_input');
  });

  it('is given as CSV with `?format=csv`: a header, one line per entry, fields quoted where needed', async () => {
    await ok(f.as('chair', 'PUT', `${base}/sections/tham-muu/review`, { state: 'approved' }));
    await ok(f.as('chair', 'PUT', `${base}/sections/ket-qua/review`, { state: 'returned', note: 'Bổ sung "quý IV", số liệu' }));
    const all = await ok<AuditEntry[]>(f.as('office', 'GET', `${base}/audit`));
    const json = reviewEntries(all);

    const response = await f.as('office', 'GET', `${base}/audit?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    // Every entry, in order; the review's are the last two (the report's creation and assignments come first).
    expect(lines).toHaveLength(all.length + 2);
    // An id is random and may begin with '-': written then with a leading ' (auditCsv.ts: no formula).
    const chair = /^[=+\-@\t\r]/.test(f.ids.chair) ? `'${f.ids.chair}` : f.ids.chair;
    expect([lines[0], ...lines.slice(-3)]).toEqual([
      'at,userId,action,detail',
      `${json[0]!.at},${chair},section.approved,"{""sectionId"":""tham-muu""}"`,
      `${json[1]!.at},${chair},section.returned,"{""sectionId"":""ket-qua"",""note"":""Bổ sung \\""quý IV\\"", số liệu""}"`,
      '',
    ]);
    await refused(f.as('vhtt', 'GET', `${base}/audit?format=csv`), 403, 'forbidden');
  });
});
