/**
 * The report's workflow above the page (issue 10, item 1): its status — "Dự thảo", "Đang xem xét", "Đã
 * duyệt", "Đã ban hành" — and only the buttons the person's role may press now (common/workflow.ts
 * `nextStatuses`, the rule the server enforces): "Gửi xem xét" for the office, "Phê duyệt" for the
 * chairperson, "Trả về dự thảo" for either (asked first), "Ban hành" for the office, which opens the issue
 * dialog. A department sees the status and no button. Once issued: the number, the date, the SHA-256 of the
 * stored file and its download.
 *
 * The status shown is only what the review room says (useWorkflow): the server mirrors every change there
 * before it answers, so a move made on another page shows here at once, with the buttons it now allows.
 * Not part of the printed document (print.css hides `.workflow-bar`).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ReportStatus } from '../../../common/report.js';
import { nextStatuses } from '../../../common/workflow.js';
import { changeReportStatus } from '../api/reportStatus.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';
import { useSession } from '../session/SessionContext.js';
import { ConfirmDraftDialog } from './ConfirmDraftDialog.js';
import { IssueDialog } from './IssueDialog.js';
import { IssuedFile } from './IssuedFile.js';
import type { WorkflowState } from './workflowState.js';

interface WorkflowBarProps {
  reportId: string;
  /** The report's workflow, live from the review room. */
  workflow: WorkflowState;
  /** The frame's place and symbol, live: the issue dialog previews the lines as printed. */
  place: string;
  symbol: string;
}

type Dialog = 'issue' | 'draft';

export function WorkflowBar({ reportId, workflow, place, symbol }: WorkflowBarProps) {
  const t = useT();
  const { me } = useSession();
  const action = useAction();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const statusChip = useRef<HTMLSpanElement>(null);
  // Set when this page moved the report: the button pressed goes away with the old status.
  const moved = useRef(false);
  const { status } = workflow;
  const moves = nextStatuses(me.role, status);

  // The pressed button is gone once the room shows the new status: the keyboard goes to the status.
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (document.activeElement === null || document.activeElement === document.body) statusChip.current?.focus();
  }, [status]);

  const move = async (to: ReportStatus) => {
    moved.current = true;
    if (await action.run(() => changeReportStatus(reportId, { to }))) setDialog(null);
    else moved.current = false;
  };

  const press = (to: ReportStatus) => {
    action.clear();
    if (to === 'issued') setDialog('issue');
    else if (to === 'draft') setDialog('draft');
    else void move(to);
  };

  const closeDialog = () => {
    action.clear();
    setDialog(null);
  };

  return (
    <section className="workflow-bar" aria-label={t.workflow.barLabel} data-testid="workflow-bar" data-status={status}>
      <span className="workflow-status">
        {t.workflow.statusLabel}{' '}
        <span
          ref={statusChip}
          tabIndex={-1}
          className={`status-chip is-${status}`}
          data-testid="workflow-status"
          data-status={status}
          aria-live="polite"
        >
          {t.status[status]}
        </span>
      </span>
      {status === 'issued' ? <IssuedFile reportId={reportId} workflow={workflow} /> : null}
      {moves.length === 0 ? null : (
        <span className="workflow-buttons">
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              className={`workflow-button${to === 'draft' ? '' : ' is-primary'}`}
              data-testid={`workflow-to-${to}`}
              disabled={action.pending}
              aria-haspopup={to === 'issued' || to === 'draft' ? 'dialog' : undefined}
              onClick={() => press(to)}
            >
              {t.workflow.moveTo[to]}
            </button>
          ))}
        </span>
      )}
      {dialog === null ? (
        <div className="workflow-error" data-testid="workflow-error">
          <ErrorMessage title={t.workflow.moveError} error={action.error} conflict={t.workflow.moveConflict} />
        </div>
      ) : null}
      {dialog === 'issue' ? (
        <IssueDialog
          reportId={reportId}
          place={place}
          symbol={symbol}
          onClose={closeDialog}
          onIssued={() => (moved.current = true)}
          fallbackFocus={statusChip}
        />
      ) : null}
      {dialog === 'draft' ? (
        <ConfirmDraftDialog
          pending={action.pending}
          error={action.error}
          onConfirm={() => void move('draft')}
          onClose={closeDialog}
          fallbackFocus={statusChip}
        />
      ) : null}
    </section>
  );
}
