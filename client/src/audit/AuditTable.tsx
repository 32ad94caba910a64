/**
 * The audit log as a table (issue 10, item 6): when, who, which report, what, and the detail in words.
 * A person's name filters the log by them; a report that still exists links to it.
 */
import type { AuditLogEntry } from '../../../common/api/audit.js';
import { useT } from '../i18n/locale.js';
import { Link, reportPath } from '../router.js';
import { useSession } from '../session/SessionContext.js';
import { describeDetail } from './auditDetail.js';

interface AuditTableProps {
  entries: readonly AuditLogEntry[];
  /** The reports that exist (a deleted one is shown without a link). */
  existing: ReadonlySet<string>;
  onPerson(userId: string): void;
}

/** "dd/mm/yyyy hh:mm:ss" in the reader's time zone. */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export function AuditTable({ entries, existing, onPerson }: AuditTableProps) {
  const t = useT();
  const { department } = useSession();
  const departmentName = (id: string) => (id === '' ? t.housekeeping.nobodyInvolved : (department(id)?.name ?? id));
  return (
    <div className="table-scroll">
      <table className="report-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t.audit.columnAt}</th>
            <th scope="col">{t.audit.columnPerson}</th>
            <th scope="col">{t.audit.columnReport}</th>
            <th scope="col">{t.audit.columnAction}</th>
            <th scope="col">{t.audit.columnDetail}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <td className="report-date">
                <time dateTime={entry.at}>{when(entry.at)}</time>
              </td>
              <td>
                {entry.userId === null ? (
                  <span className="muted">{t.audit.system}</span>
                ) : (
                  <button type="button" className="plain-link" onClick={() => onPerson(entry.userId!)}>
                    {entry.userName ?? entry.userId}
                  </button>
                )}
              </td>
              <td>
                {entry.reportId === null ? null : existing.has(entry.reportId) ? (
                  <Link href={reportPath(entry.reportId)}>{entry.reportTitle ?? entry.reportId}</Link>
                ) : (
                  <span>{entry.reportTitle ?? entry.reportId}</span>
                )}
              </td>
              <td>{t.audit.actions[entry.action] ?? entry.action}</td>
              <td className="audit-detail">{describeDetail(t.audit, entry, departmentName).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
