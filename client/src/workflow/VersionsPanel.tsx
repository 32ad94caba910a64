/**
 * The versions of a report, on its page (issue 10, item 5): a panel that opens under the export links and
 * lists every named version — its name, what stored it, when and by whom — with, for each, "Xem" (opened
 * read-only), "So sánh với hiện tại", its Word file, and for the office before issuing "Khôi phục". The
 * office also saves the report as it is now under a name ("Lưu phiên bản"). Read only while open, and again
 * at every status change (each stores a version). Not part of the printed document.
 */
import { useState } from 'react';
import type { Version } from '../../../common/api/workflow.js';
import type { ReportStatus } from '../../../common/report.js';
import { canIssue } from '../../../common/workflow.js';
import { versionDocxHref } from '../api/versions.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useT } from '../i18n/locale.js';
import { Link, versionPath } from '../router.js';
import { useSession } from '../session/SessionContext.js';
import { RestoreVersion } from './RestoreVersion.js';
import { SaveVersionForm } from './SaveVersionForm.js';
import { useVersionList } from './useVersionList.js';

interface VersionsPanelProps {
  reportId: string;
  /** The report's status, live (useWorkflow): it decides "Khôi phục", and each change brings a new version. */
  status: ReportStatus;
}

interface VersionRowProps {
  reportId: string;
  version: Version;
  /** The office, before issuing. */
  restorable: boolean;
  onRestored(label: string): void;
}

function VersionRow({ reportId, version, restorable, onRestored }: VersionRowProps) {
  const strings = useT().versions;
  return (
    <li className="version-row" data-testid="version-row" data-version-id={version.id}>
      <div className="version-name">
        <strong data-testid="version-name">{version.label}</strong>
        <span className={`version-kind is-${version.kind}`}>{strings.kinds[version.kind]}</span>
        <span className="version-when">{strings.storedBy(strings.at(version.createdAt), version.byName)}</span>
      </div>
      <div className="version-actions">
        <Link className="version-action" href={versionPath(reportId, version.id)} data-testid="version-open">
          {strings.open}
        </Link>
        <Link className="version-action" href={versionPath(reportId, version.id, 'diff')} data-testid="version-compare">
          {strings.compare}
        </Link>
        <a className="version-action" href={versionDocxHref(reportId, version.id)} download data-testid="version-docx">
          {strings.word}
        </a>
        {restorable && <RestoreVersion reportId={reportId} version={version} onRestored={() => onRestored(version.label)} />}
      </div>
    </li>
  );
}

export function VersionsPanel({ reportId, status }: VersionsPanelProps) {
  const t = useT();
  const strings = t.versions;
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useVersionList(reportId, status, open);
  const office = canIssue(me.role);
  const done = (message: string) => {
    setNotice(message);
    list.reload();
  };

  let body;
  if (list.versions === null) body = list.error === null ? <p className="muted">{strings.loading}</p> : null;
  else if (list.versions.length === 0) body = <p className="muted">{strings.empty}</p>;
  else {
    body = (
      <ol className="versions-list" data-testid="versions-list">
        {list.versions.map((version) => (
          <VersionRow
            key={version.id}
            reportId={reportId}
            version={version}
            restorable={office && status !== 'issued'}
            onRestored={(label) => done(strings.restored(label))}
          />
        ))}
      </ol>
    );
  }

  return (
    <details className="versions-panel" data-testid="versions-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="versions-toggle">{strings.panelTitle(list.versions?.length ?? null)}</summary>
      {office && <SaveVersionForm reportId={reportId} onSaved={(version) => done(strings.saved(version.label))} />}
      {notice !== null && (
        <p className="versions-notice" role="status" data-testid="versions-notice">
          {notice}
        </p>
      )}
      <ErrorMessage title={strings.loadError} error={list.error} />
      {body}
    </details>
  );
}
