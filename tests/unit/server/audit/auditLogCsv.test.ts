import { describe, expect, it } from 'vitest';
import { auditLogCsv } from '../../../../server/audit/auditLogCsv.js';

describe('the workspace’s audit log as CSV', () => {
  it('writes the names beside the ids, empty cells for what is null, and defuses formulas', () => {
    const csv = auditLogCsv([
      {
        id: '7',
        at: '2025-06-30T03:00:00.000Z',
        userId: 'u1',
        userName: 'Nguyễn Thị Thu',
        reportId: 'r1',
        reportTitle: '=Báo cáo, "quý II"',
        action: 'report.renamed',
        detail: { from: 'a', to: 'b' },
      },
      { id: '8', at: '2025-06-30T04:00:00.000Z', userId: null, userName: null, reportId: null, reportTitle: null, action: 'signin.failed', detail: {} },
    ]);
    expect(csv).toBe(
      '\uFEFFat,userId,userName,reportId,reportTitle,action,detail\r\n' +
        `2025-06-30T03:00:00.000Z,u1,Nguyễn Thị Thu,r1,"'=Báo cáo, ""quý II""",report.renamed,"{""from"":""a"",""to"":""b""}"\r\n` +
        '2025-06-30T04:00:00.000Z,,,,,signin.failed,{}\r\n',
    );
  });
});
