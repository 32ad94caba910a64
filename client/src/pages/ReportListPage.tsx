/**
 * The home page: every report the person may see, newest first, with how many of its sections the
 * chairperson has approved and a badge where comments mention the person unread, and — for the office
 * and the admin — the form that creates one.
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
import { CreateReportForm } from './CreateReportForm.js';

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

function ReportTable({ reports }: { reports: readonly ReportListEntry[] }) {
  const t = useT();
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th scope="col">{t.list.columnTitle}</th>
          <th scope="col">{t.list.columnStatus}</th>
          <th scope="col">{t.list.columnReview}</th>
          <th scope="col">{t.list.columnCreated}</th>
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
              <span className={`status-chip is-${report.status}`}>{t.status[report.status]}</span>
            </td>
            <td
              className={`report-review ${report.sectionCount > 0 && report.approvedSections === report.sectionCount ? 'is-complete' : ''}`}
              data-testid={`report-approved-${report.id}`}
            >
              {report.sectionCount === 0 ? null : t.list.approvedSections(report.approvedSections, report.sectionCount)}
            </td>
            <td className="report-date">{formatDate(report.createdAt)}</td>
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

  useEffect(() => {
    const abort = new AbortController();
    listReports(abort.signal).then(
      (loaded) => setReports([...loaded].sort(newestFirst)),
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, []);

  return (
    <>
      <AppBar />
      <main className="list-page">
        <section className="card report-list" data-testid="report-list" aria-busy={reports === null && error === null}>
          <h1>{t.list.heading}</h1>
          <ErrorMessage title={t.list.loadError} error={error} />
          {reports === null && error === null ? <p className="muted">{t.list.loading}</p> : null}
          {reports !== null && reports.length === 0 ? <p className="muted">{mayCreate ? t.list.empty : t.list.emptyReader}</p> : null}
          {reports !== null && reports.length > 0 ? <ReportTable reports={reports} /> : null}
        </section>
        {mayCreate ? <CreateReportForm /> : null}
      </main>
    </>
  );
}
