/**
 * The home page: every report the person may see, newest first, with its status (and an issued one's
 * number and date), how many of its sections the chairperson has approved and a badge where comments
 * mention the person unread, and — for the office and the admin — the form that creates one.
 */
import { useEffect, useState } from 'react';
import { canManageReports } from '../../../common/access.js';
import type { ReportListEntry } from '../../../common/report.js';
import { listReports } from '../api/reports.js';
import { AppBar } from '../components/AppBar.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { formatDate } from '../i18n/formatDate.js';
import { useT } from '../i18n/locale.js';
import { Link, reportPath } from '../router.js';
import { useSession } from '../session/SessionContext.js';
import { ReportStatusCell } from '../workflow/ReportStatusCell.js';
import { CreateReportForm } from './CreateReportForm.js';
import { ArchiveFilter } from '../housekeeping/ArchiveFilter.js';
import { InvolvedDepartments } from '../housekeeping/InvolvedDepartments.js';
import { ReportActions } from '../housekeeping/ReportActions.js';

function newestFirst(a: ReportListEntry, b: ReportListEntry): number {
  return b.createdAt.localeCompare(a.createdAt);
}

/** "2 nhắc đến bạn", beside the title of a report with unread mentions; nothing when there are none. */
function MentionsBadge({ report }: { report: ReportListEntry }) {
  const t = useT();
  if (report.mentionsUnread === 0) return null;
  return (
    <span
      className="mention-badge"
      role="img"
      aria-label={t.list.mentionsBadgeLabel(report.mentionsUnread)}
      data-testid={`report-mentions-${report.id}`}
    >
      {t.list.mentionsBadge(report.mentionsUnread)}
    </span>
  );
}

/** `onChanged`: the office's actions (issue 10) are shown, and the list reloads after each. */
function ReportTable({ reports, onChanged }: { reports: readonly ReportListEntry[]; onChanged?: (notice?: string) => void }) {
  const t = useT();
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th scope="col">{t.list.columnTitle}</th>
          <th scope="col">{t.list.columnStatus}</th>
          <th scope="col">{t.list.columnReview}</th>
          <th scope="col">{t.housekeeping.columnInvolved}</th>
          <th scope="col">{t.list.columnCreated}</th>
          {onChanged ? <th scope="col">{t.housekeeping.columnActions}</th> : null}
        </tr>
      </thead>
      <tbody>
        {reports.map((report) => (
          <tr key={report.id} data-testid={`report-row-${report.id}`}>
            <td>
              <Link href={reportPath(report.id)} className="report-link">
                {report.title}
              </Link>
              <MentionsBadge report={report} />
            </td>
            <td>
              <ReportStatusCell report={report} />
            </td>
            <td
              className={`report-review ${report.sectionCount > 0 && report.approvedSections === report.sectionCount ? 'is-complete' : ''}`}
              data-testid={`report-approved-${report.id}`}
            >
              {report.sectionCount === 0 ? null : t.list.approvedSections(report.approvedSections, report.sectionCount)}
            </td>
            <td>
              <InvolvedDepartments report={report} />
            </td>
            <td className="report-date">{formatDate(report.createdAt)}</td>
            {onChanged ? (
              <td className="report-actions">
                <ReportActions report={report} onChanged={onChanged} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Lists the reports and, to those who may, offers to create one. */
export function ReportListPage() {
  const t = useT();
  const { me } = useSession();
  const mayCreate = canManageReports(me.role);
  const [reports, setReports] = useState<ReportListEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Issue 10: the archived reports ("Lưu trữ") instead of those in use; bumped to reload after an action.
  const [archived, setArchived] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (next?: string) => {
    setNotice(next ?? null);
    setGeneration((current) => current + 1);
  };

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    listReports(abort.signal, { archived }).then(
      (loaded) => setReports([...loaded].sort(newestFirst)),
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, [archived, generation]);

  return (
    <>
      <AppBar />
      <main className="list-page">
        <section className="card report-list" data-testid="report-list" aria-busy={reports === null && error === null}>
          <div className="list-heading">
            <h1>{t.list.heading}</h1>
            <ArchiveFilter
              archived={archived}
              onChange={(next) => {
                setNotice(null);
                if (next !== archived) setReports(null);
                setArchived(next);
              }}
            />
          </div>
          {notice === null ? null : (
            <p className="list-notice" role="status" data-testid="list-notice">
              {notice}
            </p>
          )}
          <ErrorMessage title={t.list.loadError} error={error} />
          {reports === null && error === null ? <p className="muted">{t.list.loading}</p> : null}
          {reports !== null && reports.length === 0 ? (
            <p className="muted">{archived ? t.housekeeping.emptyArchived : mayCreate ? t.list.empty : t.list.emptyReader}</p>
          ) : null}
          {reports !== null && reports.length > 0 ? <ReportTable reports={reports} onChanged={mayCreate ? changed : undefined} /> : null}
        </section>
        {mayCreate ? <CreateReportForm /> : null}
      </main>
    </>
  );
}
