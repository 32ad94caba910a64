import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../../server/review/auditCsv.js';

describe('the audit log as CSV', () => {
  it('writes a header and a line per entry, CRLF, with a byte-order mark, detail as JSON', () => {
    const csv = auditCsv([
      { at: '2025-03-01T08:00:00.000Z', userId: 'u1', action: 'section.approved', detail: { sectionId: 'tham-muu' } },
      { at: '2025-03-01T09:00:00.000Z', userId: null, action: 'section.changed', detail: {} },
    ]);
    expect(csv).toBe(
      '\uFEFFat,userId,action,detail\r\n' +
        '2025-03-01T08:00:00.000Z,u1,section.approved,"{""sectionId"":""tham-muu""}"\r\n' +
        '2025-03-01T09:00:00.000Z,,section.changed,{}\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and defuses what a spreadsheet would run as a formula', () => {
    const csv = auditCsv([{ at: '2025-03-01T08:00:00.000Z', userId: '=HYPERLINK("x")', action: '-1+1', detail: { note: 'a,b\r\n"c"' } }]);
    const line = csv.split('\r\n')[1];
    expect(line).toBe(`2025-03-01T08:00:00.000Z,"'=HYPERLINK(""x"")",'-1+1,"{""note"":""a,b\\r\\n\\""c\\""""}"`);
  });

  it('writes only the header for an empty log', () => {
    expect(auditCsv([])).toBe('\uFEFFat,userId,action,detail\r\n');
  });
});
