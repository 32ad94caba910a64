/**
 * What an issued report shows in its workflow bar (issue 10, item 2): the number and date it was issued
 * with, the SHA-256 of the Word file stored at issuing — the server returns exactly those bytes on every
 * download, so anyone can check a copy against it — and the link that downloads it.
 */
import { useT } from '../i18n/locale.js';
import { displayDate } from './issueInput.js';
import type { WorkflowState } from './workflowState.js';

export function IssuedFile({ reportId, workflow }: { reportId: string; workflow: WorkflowState }) {
  const t = useT();
  const { number, symbol, date, issuedSha256 } = workflow;
  return (
    <div className="issued-file" data-testid="issued-file">
      {number === undefined || symbol === undefined || date === undefined ? null : (
        <span className="issued-as" data-testid="issued-as">
          {t.workflow.issued.issuedAs(number, symbol, displayDate(date))}
        </span>
      )}
      {issuedSha256 === undefined ? null : (
        <span className="issued-hash">
          <span className="issued-hash-label">{t.workflow.issued.sha256Label}:</span>{' '}
          <code data-testid="issued-sha256">{issuedSha256}</code>
        </span>
      )}
      <a
        className="sheet-action"
        href={`/api/reports/${encodeURIComponent(reportId)}/export.docx`}
        download
        data-testid="issued-download"
      >
        {t.workflow.issued.download}
      </a>
    </div>
  );
}
