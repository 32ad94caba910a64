/**
 * The workspace's audit log as CSV (issue 10, item 6): the same conventions as a report's log
 * (server/review/auditCsv.ts: RFC 4180, UTF-8 with a byte-order mark, cells a spreadsheet would run made
 * inert), with the names of who and what each entry concerns beside their ids.
 */
import type { AuditLogEntry } from '../../common/api/audit.js';
import { csvCell } from '../review/auditCsv.js';

export const AUDIT_LOG_CSV_COLUMNS = ['at', 'userId', 'userName', 'reportId', 'reportTitle', 'action', 'detail'] as const;

/** A header line, then one line per entry, in the order given; `detail` as JSON. */
export function auditLogCsv(entries: readonly AuditLogEntry[]): string {
  const lines = [AUDIT_LOG_CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const cells = [entry.at, entry.userId ?? '', entry.userName ?? '', entry.reportId ?? '', entry.reportTitle ?? '', entry.action, JSON.stringify(entry.detail)];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
