/**
 * A report's audit log as CSV (RFC 4180: comma-separated, double quotes doubled, CRLF line ends), in
 * UTF-8 with a byte-order mark so that spreadsheet programs read Vietnamese correctly. A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at its start) is written with a leading
 * apostrophe (OWASP, "CSV injection").
 */
import type { AuditEntry } from '../../common/review.js';

export const AUDIT_CSV_COLUMNS = ['at', 'userId', 'action', 'detail'] as const;

/** One cell: quoted where needed, and made inert when a spreadsheet would run it (see above). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The entries as CSV text: a header line, then one line per entry; `detail` as JSON. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    lines.push([entry.at, entry.userId ?? '', entry.action, JSON.stringify(entry.detail)].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
