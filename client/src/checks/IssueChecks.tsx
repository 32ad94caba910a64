/**
 * The form checker in the "Ban hành" dialog (issue 12): the errors that stop the report from being issued,
 * asked of the server when the dialog opens and after a refusal (`GET …/checks?for=issue`, the rooms as
 * stored — what the issue itself checks), shown instead of letting the office try. The number and date are
 * left out: the dialog gives them.
 */
import { useEffect, useState } from 'react';
import type { Finding } from '../../../common/checks/finding.js';
import { useT } from '../i18n/locale.js';
import { reportChecks } from './checksApi.js';

export type IssueChecksState = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; blocking: Finding[] };

/** The rules the dialog answers itself: it writes the number and date. */
const GIVEN_BY_THE_DIALOG = new Set(['issue-number', 'issue-date']);

/** The errors that stop the issue, asked anew at each `round`. */
export function useIssueChecks(reportId: string, round: number): IssueChecksState {
  const [state, setState] = useState<IssueChecksState>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setState({ state: 'loading' });
    reportChecks(reportId, 'issue', abort.signal).then(
      (findings) => setState({ state: 'ready', blocking: findings.filter((finding) => finding.severity === 'error' && !GIVEN_BY_THE_DIALOG.has(finding.rule)) }),
      () => {
        if (!abort.signal.aborted) setState({ state: 'failed' });
      },
    );
    return () => abort.abort();
  }, [reportId, round]);
  return state;
}

/** Whether the state stops the office from issuing: errors remain, or they are still being asked for. */
export function blocksIssue(checks: IssueChecksState): boolean {
  return checks.state === 'loading' || (checks.state === 'ready' && checks.blocking.length > 0);
}

export function IssueChecks({ checks }: { checks: IssueChecksState }) {
  const strings = useT().checks;
  if (checks.state === 'loading') return <p className="muted issue-checks" data-testid="issue-checks-loading">{strings.issue.checking}</p>;
  if (checks.state === 'failed') return <p className="muted issue-checks">{strings.issue.failed}</p>;
  if (checks.blocking.length === 0) return null;
  return (
    <div className="issue-checks" data-testid="issue-checks" role="alert">
      <p className="error-message">{strings.issue.blocked(checks.blocking.length)}</p>
      <ul className="issue-checks-list">
        {checks.blocking.map((finding) => (
          <li key={finding.id} data-testid="issue-check" data-rule={finding.rule}>
            {strings.message(finding)}
          </li>
        ))}
      </ul>
      <p className="workflow-hint">{strings.issue.howToFix}</p>
    </div>
  );
}
