/**
 * "Kiểm tra thể thức" on the report page (issue 12): the form checker's findings about the report as it is
 * being written, updated as people type (useLiveFindings), errors first within each place, each with its
 * part, the clause it rests on and its message. Clicking a finding scrolls to its place; "Sửa" applies its
 * fix as an ordinary Yjs edit (common/checks/applyFix.ts), which reaches every other browser — offered only
 * where the person may write that part. Not part of the printed document.
 */
import { useState } from 'react';
import { frameAccess, sectionAccess, type Access } from '../../../common/access.js';
import { applyFix } from '../../../common/checks/applyFix.js';
import { sectionIdOf, type Finding } from '../../../common/checks/finding.js';
import type { Report } from '../../../common/report.js';
import { useSectionOwners } from '../collab/useSectionOwners.js';
import type { ReportRooms } from '../collab/useReportRooms.js';
import { useT } from '../i18n/locale.js';
import { useSession } from '../session/SessionContext.js';
import { partLabel, showPlace } from './findingPlace.js';
import { useCheckContext } from './useCheckContext.js';
import { useLiveFindings } from './useLiveFindings.js';
import './checks.css';

interface ChecksPanelProps {
  report: Report;
  /** The page's rooms; the panel reads them and writes fixes into them. */
  rooms: ReportRooms | null;
  /** Issued: nobody writes any part, so no fix is offered. */
  issued: boolean;
}

interface FindingRowProps {
  report: Report;
  finding: Finding;
  /** Applies the fix; absent when the person may not write its part. */
  onFix?: () => void;
}

function FindingRow({ report, finding, onFix }: FindingRowProps) {
  const t = useT();
  const strings = t.checks;
  const message = strings.message(finding);
  return (
    <li className={`check-finding is-${finding.severity}`} data-testid="check-finding" data-rule={finding.rule} data-part={finding.part} data-finding-id={finding.id}>
      <button type="button" className="check-show" data-testid="check-show" onClick={() => showPlace(finding)}>
        <span className="check-severity">{finding.severity === 'error' ? strings.error : strings.warning}</span>
        <span className="check-part" data-testid="check-part">
          {partLabel(strings, report, finding)}
        </span>
        <span className="check-message" data-testid="check-message">
          {message}
        </span>
        {finding.excerpt === undefined ? null : (
          <span className="check-excerpt" data-testid="check-excerpt" lang="vi">
            {finding.excerpt}
          </span>
        )}
        <span className="check-clause" data-testid="check-clause">
          {strings.clause(finding)}
        </span>
      </button>
      {onFix ? (
        <button type="button" className="check-fix" data-testid="check-fix" aria-label={strings.fixLabel(message)} onClick={onFix}>
          {strings.fix}
        </button>
      ) : null}
    </li>
  );
}

export function ChecksPanel({ report, rooms, issued }: ChecksPanelProps) {
  const strings = useT().checks;
  const { me } = useSession();
  const { owners } = useSectionOwners(report, rooms?.review);
  const context = useCheckContext(report.templateId);
  const findings = useLiveFindings(report, rooms, context);
  // Closed at first: one line with the counts above the page, so the page keeps its place; opened on demand.
  const [open, setOpen] = useState(false);

  const accessTo = (part: string): Access => {
    if (issued) return 'read';
    const sectionId = sectionIdOf(part);
    return sectionId === null ? frameAccess(me) : sectionAccess(me, owners.get(sectionId) ?? null);
  };
  const fixer = (finding: Finding) => {
    const { fix } = finding;
    if (fix === undefined || rooms === null || accessTo(fix.part) !== 'write') return undefined;
    return () => applyFix(fix, { frame: rooms.frame.doc, section: (id) => rooms.sections.get(id)?.doc });
  };

  const errors = findings?.filter((finding) => finding.severity === 'error').length ?? 0;
  const warnings = (findings?.length ?? 0) - errors;
  let body;
  if (findings === null) body = <p className="muted">{strings.loading}</p>;
  else if (findings.length === 0) body = <p className="check-none" data-testid="checks-none">{strings.none}</p>;
  else {
    body = (
      <ol className="check-list" data-testid="check-list">
        {findings.map((finding) => (
          <FindingRow key={finding.id} report={report} finding={finding} onFix={fixer(finding)} />
        ))}
      </ol>
    );
  }
  return (
    <details className="checks-panel" data-testid="checks-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="checks-toggle">
        {strings.title}
        {findings !== null && findings.length > 0 ? (
          <span className={`check-count ${errors > 0 ? 'has-errors' : ''}`} data-testid="checks-summary" aria-live="polite">
            {strings.summary(errors, warnings)}
          </span>
        ) : null}
      </summary>
      {body}
    </details>
  );
}
