/**
 * "Trả về dự thảo" is asked first (issue 10, item 1): it undoes the chairperson's approval or the office's
 * sending for review. The confirming button has the keyboard when the dialog opens, so Enter confirms and
 * Escape (or "Hủy") leaves the report as it is.
 */
import type { RefObject } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useT } from '../i18n/locale.js';
import { ModalDialog } from './ModalDialog.js';

interface ConfirmDraftDialogProps {
  pending: boolean;
  /** The last failure of the move, shown in the dialog. */
  error: unknown;
  onConfirm(): void;
  onClose(): void;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function ConfirmDraftDialog({ pending, error, onConfirm, onClose, fallbackFocus }: ConfirmDraftDialogProps) {
  const t = useT();
  const strings = t.workflow.confirmDraft;
  return (
    <ModalDialog title={strings.title} testId="draft-dialog" onClose={onClose} fallbackFocus={fallbackFocus}>
      <p className="workflow-dialog-intro">{strings.body}</p>
      <ErrorMessage title={t.workflow.moveError} error={error} />
      <div className="workflow-dialog-actions">
        <button
          type="button"
          className="workflow-button is-primary"
          data-testid="draft-confirm"
          data-autofocus
          aria-busy={pending}
          onClick={() => pending || onConfirm()}
        >
          {strings.confirm}
        </button>
        <button type="button" className="workflow-button" data-testid="draft-cancel" onClick={onClose}>
          {strings.cancel}
        </button>
      </div>
    </ModalDialog>
  );
}
