/**
 * One named version of a report (issue 10, item 5), for anyone who may read the report: its name, when and
 * by whom it was stored and in which status, then either its content read-only (`/reports/:id/versions/:vid`)
 * or how the report now differs from it (`…/diff`), its Word file, and for the office before issuing
 * "Khôi phục", which takes the person back to the report, where the restored text arrives through the rooms.
 * The comparison is read afresh each time it is shown: it depends on the report now.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { VersionDiff as Diff, VersionView } from '../../../common/api/versions.js';
import { canIssue } from '../../../common/workflow.js';
import { diffVersion, getVersion, versionDocxHref } from '../api/versions.js';
import { AppBar } from '../components/AppBar.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useT } from '../i18n/locale.js';
import { Link, navigate, reportPath, versionPath, type VersionTab } from '../router.js';
import { useSession } from '../session/SessionContext.js';
import { RestoreVersion } from '../workflow/RestoreVersion.js';
import { VersionContent } from '../workflow/VersionContent.js';
import { VersionDiff } from '../workflow/VersionDiff.js';

interface VersionPageProps {
  reportId: string;
  versionId: string;
  tab: VersionTab;
}

/**
 * What `load` answers, read whenever `key` (what it reads) changes; null until it answers, or when there is
 * nothing to load. A failure is kept in `error`.
 */
function useLoaded<T>(load: ((signal: AbortSignal) => Promise<T>) | null, key: string): { value: T | null; error: unknown } {
  const [state, setState] = useState<{ key: string; value: T | null; error: unknown }>({ key, value: null, error: null });
  const latest = useRef(load);
  useLayoutEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    const read = latest.current;
    if (read === null) return;
    const abort = new AbortController();
    read(abort.signal).then(
      (value) => setState({ key, value, error: null }),
      (error: unknown) => abort.signal.aborted || setState({ key, value: null, error }),
    );
    return () => abort.abort();
  }, [key]);
  return state.key === key ? state : { value: null, error: null };
}

function VersionBar({ view, tab }: { view: VersionView; tab: VersionTab }) {
  const t = useT();
  const strings = t.versions;
  const { me } = useSession();
  const { version, report } = view;
  const restorable = canIssue(me.role) && report.status !== 'issued';
  return (
    <header className="version-bar" data-testid="version-bar">
      <Link href={reportPath(report.id)} className="version-back" data-testid="version-back">
        {strings.back}
      </Link>
      <h1 data-testid="version-title">{strings.pageTitle(version.label)}</h1>
      <p className="version-report">{report.title}</p>
      <p className="muted">
        {strings.kinds[version.kind]} · {strings.storedBy(strings.at(version.createdAt), version.byName)} · {strings.statusThen(t.status[version.status])}
      </p>
      <p className="version-readonly">{strings.readOnly}</p>
      <nav className="version-tabs">
        <Link
          className="version-action"
          href={versionPath(report.id, version.id)}
          aria-current={tab === 'content' ? 'page' : undefined}
          data-testid="version-tab-content"
        >
          {strings.tabs.content}
        </Link>
        <Link
          className="version-action"
          href={versionPath(report.id, version.id, 'diff')}
          aria-current={tab === 'diff' ? 'page' : undefined}
          data-testid="version-tab-diff"
        >
          {strings.tabs.diff}
        </Link>
        <a className="version-action" href={versionDocxHref(report.id, version.id)} download data-testid="version-docx">
          {strings.word}
        </a>
        {restorable && <RestoreVersion reportId={report.id} version={version} onRestored={() => navigate(reportPath(report.id))} />}
      </nav>
    </header>
  );
}

export function VersionPage({ reportId, versionId, tab }: VersionPageProps) {
  const t = useT();
  const strings = t.versions;
  const view = useLoaded((signal) => getVersion(reportId, versionId, signal), `${reportId}/${versionId}`);
  const diff = useLoaded<Diff>(tab === 'diff' ? (signal) => diffVersion(reportId, versionId, signal) : null, `${reportId}/${versionId}/${tab}`);
  const label = view.value?.version.label;
  useEffect(() => {
    if (label !== undefined) document.title = `${strings.pageTitle(label)} – Đồng Soạn`;
  }, [label, strings]);

  let body;
  if (view.error !== null) body = <ErrorMessage title={strings.pageLoadError} error={view.error} />;
  else if (view.value === null) body = <p className="muted">{strings.pageLoading}</p>;
  else if (tab === 'content') body = <VersionContent content={view.value.content} createdAt={view.value.version.createdAt} />;
  else if (diff.error !== null) body = <ErrorMessage title={strings.pageLoadError} error={diff.error} />;
  else if (diff.value === null) body = <p className="muted">{strings.pageLoading}</p>;
  else body = <VersionDiff diff={diff.value} />;

  return (
    <>
      <AppBar />
      <main className="desk version-page">
        {view.value !== null && <VersionBar view={view.value} tab={tab} />}
        {body}
        {view.error !== null && <Link href={reportPath(reportId)}>{strings.back}</Link>}
      </main>
    </>
  );
}
