/**
 * The audit log page, `/audit` (issue 10, item 6), for the office, the chairperson and the admin: the
 * filters (from the address, so the report page links to its own log), a page of entries newest first,
 * pages older and newer, and the CSV of every matching entry. Others get a short refusal (the server
 * refuses their calls anyway).
 */
import { useEffect, useMemo, useState } from 'react';
import { canManageAccounts, canReadAudit } from '../../../common/access.js';
import type { AuditLogPage } from '../../../common/api/audit.js';
import type { ReportListEntry } from '../../../common/report.js';
import { auditCsvUrl, listAuditLog, type AuditFilters } from '../api/audit.js';
import { listReports } from '../api/reports.js';
import { listUsers } from '../api/users.js';
import { AppBar } from '../components/AppBar.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useT } from '../i18n/locale.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session/SessionContext.js';
import { AuditFilterForm, type Choice } from './AuditFilterForm.js';
import { auditPath, filtersOf, serverFilters } from './auditPath.js';
import { AuditTable } from './AuditTable.js';

const PAGE_SIZE = 50;

/** The reports (in use and archived) and, for the admin, the accounts, to filter by. */
function useChoices(): { reports: ReportListEntry[]; people: Choice[] | null } {
  const { me } = useSession();
  const [reports, setReports] = useState<ReportListEntry[]>([]);
  const [people, setPeople] = useState<Choice[] | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    Promise.all([listReports(abort.signal), listReports(abort.signal, { archived: true })]).then(
      ([inUse, archived]) => setReports([...inUse, ...archived]),
      () => undefined,
    );
    // Only the admin may list accounts; the others filter by the people the log shows.
    if (canManageAccounts(me.role)) {
      listUsers(abort.signal).then(
        (users) => setPeople(users.map((user) => ({ id: user.id, label: user.displayName }))),
        () => undefined,
      );
    }
    return () => abort.abort();
  }, [me.role]);
  return { reports, people };
}

export function AuditPage({ search }: { search: string }) {
  const t = useT();
  const { me } = useSession();
  const filters = useMemo(() => filtersOf(search), [search]);
  const { reports, people } = useChoices();
  // The `before` of each page shown so far, for these filters: the last is the current page's ('' for the first).
  const [paging, setPaging] = useState<{ search: string; cursors: string[] }>({ search, cursors: [''] });
  const cursors = paging.search === search ? paging.cursors : [''];
  const setCursors = (change: (current: string[]) => string[]) => setPaging({ search, cursors: change(cursors) });
  const [page, setPage] = useState<AuditLogPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [seen, setSeen] = useState<Map<string, string>>(new Map());
  const allowed = canReadAudit(me.role);
  const before = cursors.at(-1) ?? '';

  useEffect(() => {
    if (!allowed) return;
    const abort = new AbortController();
    setError(null);
    listAuditLog(serverFilters(filters), { before: before === '' ? undefined : before, limit: PAGE_SIZE }, abort.signal).then(
      (loaded) => {
        setPage(loaded);
        setSeen((current) => {
          const next = new Map(current);
          for (const entry of loaded.entries) if (entry.userId !== null) next.set(entry.userId, entry.userName ?? entry.userId);
          return next;
        });
      },
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, [allowed, filters, before]);

  const reportTitle = filters.report === undefined ? undefined : (reports.find((report) => report.id === filters.report)?.title ?? page?.entries[0]?.reportTitle);
  const heading = reportTitle ? t.audit.headingOfReport(reportTitle) : t.audit.heading;
  useEffect(() => {
    document.title = `${heading} – Đồng Soạn`;
  }, [heading]);

  const apply = (next: AuditFilters) => navigate(auditPath(next));
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const personChoices = people ?? [...seen].map(([id, label]) => ({ id, label }));
  return (
    <>
      <AppBar />
      <main className="list-page audit-page" data-testid="audit-page">
        <section className="card">
          <div className="list-heading">
            <h1>{heading}</h1>
            {allowed ? (
              <a className="link-button" href={auditCsvUrl(serverFilters(filters))} download data-testid="audit-csv">
                {t.audit.downloadCsv}
              </a>
            ) : null}
          </div>
          {!allowed ? (
            <p role="alert" data-testid="audit-forbidden">
              {t.errors.forbidden} <Link href="/">{t.report.backToList}</Link>
            </p>
          ) : (
            <>
              <AuditFilterForm
                filters={filters}
                reports={reports.map((report) => ({ id: report.id, label: report.title }))}
                people={personChoices}
                onApply={apply}
              />
              <ErrorMessage title={t.audit.loadError} error={error} />
              {page === null && error === null ? <p className="muted">{t.audit.loading}</p> : null}
              {page !== null && page.entries.length === 0 ? <p className="muted">{t.audit.empty}</p> : null}
              {page !== null && page.entries.length > 0 ? (
                <>
                  <AuditTable
                    entries={page.entries}
                    existing={new Set(reports.map((report) => report.id))}
                    onPerson={(userId) => apply({ ...filters, user: userId })}
                  />
                  <nav className="audit-pages">
                    <span data-testid="audit-range">{t.audit.range(first, first + page.entries.length - 1, page.total)}</span>
                    <button type="button" className="link-button" disabled={cursors.length === 1} onClick={() => setCursors((current) => current.slice(0, -1))}>
                      {t.audit.newer}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="audit-older"
                      disabled={page.next === null}
                      onClick={() => setCursors((current) => [...current, page.next!])}
                    >
                      {t.audit.older}
                    </button>
                  </nav>
                </>
              ) : null}
            </>
          )}
        </section>
      </main>
    </>
  );
}
