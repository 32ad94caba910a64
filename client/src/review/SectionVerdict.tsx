/**
 * The chairperson's verdict on a section, beside its heading (issue 9): a chip for its state — "Đã
 * duyệt", "Trả lại" with the note, "Đã sửa sau khi duyệt" with when — and, for the chairperson, the
 * buttons that approve or return it. "Chưa duyệt" is shown to nobody: the chairperson sees "Duyệt".
 *
 * The verdict shown is only what the review room says (useReviewEntries): the server mirrors every verdict
 * there before answering the call, so this page shows the same as every other page and keeps nothing of
 * its own that could disagree. Not part of the printed document (print.css).
 */
import { useRef, useState } from 'react';
import type { SectionReview } from '../../../common/review.js';
import { reviewSection } from '../api/review.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { formatDate } from '../i18n/formatDate.js';
import { useT } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { ReturnForm } from './ReturnForm.js';
import { useOptionalReview } from './ReviewContext.js';

interface SectionVerdictProps {
  reportId: string;
  sectionId: string;
  /** The section's verdict as the review room holds it now. */
  review: SectionReview;
  /** True for whoever may approve or return sections (the chairperson): the buttons are shown. */
  reviewer: boolean;
  /** The reader's user id: an edit of theirs is said to be theirs (the room names nobody else's). */
  meId: string;
}

/** `HH:mm dd/mm/yyyy` in the reader's time zone. */
function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${time} ${formatDate(iso)}`;
}

/**
 * Who gave the verdict and when, or who changed it since; null when the room does not say. The room names
 * the editor by id; `nameOf` finds the name among the people who may read the report.
 */
function verdictMeta(t: Messages, review: SectionReview, meId: string, nameOf: (userId: string) => string | undefined): string | null {
  switch (review.state) {
    case 'none':
      return null;
    case 'approved':
      return review.byName && review.at ? t.verdict.approvedBy(review.byName, formatMoment(review.at)) : null;
    case 'returned':
      return review.byName && review.at ? t.verdict.returnedBy(review.byName, formatMoment(review.at)) : null;
    case 'changed': {
      if (!review.changedAt) return null;
      const when = formatMoment(review.changedAt);
      if (review.changedBy === meId) return t.verdict.changedByYou(when);
      const name = review.changedBy === undefined ? undefined : nameOf(review.changedBy);
      return name === undefined ? t.verdict.changedAt(when) : t.verdict.changedBy(name, when);
    }
  }
}

/** The chip, the chairperson's buttons, and below them the note, the return form or an error. */
export function SectionVerdict({ reportId, sectionId, review, reviewer, meId }: SectionVerdictProps) {
  const t = useT();
  const action = useAction();
  const [returning, setReturning] = useState(false);
  const returnButton = useRef<HTMLButtonElement>(null);
  const { state } = review;
  const people = useOptionalReview()?.candidates;
  const nameOf = (userId: string) => people?.find((person) => person.kind === 'person' && person.id === userId)?.name;
  const meta = verdictMeta(t, review, meId, nameOf);

  const approve = async () => {
    // The "Duyệt" button goes once the room says approved: keep the keyboard in the group.
    if (await action.run(() => reviewSection(reportId, sectionId, { state: 'approved' }))) returnButton.current?.focus();
  };
  const sendReturn = async (note: string) => {
    if (!(await action.run(() => reviewSection(reportId, sectionId, { state: 'returned', note })))) return;
    setReturning(false);
    returnButton.current?.focus();
  };
  const toggleForm = () => {
    action.clear();
    setReturning((open) => !open);
  };
  const cancel = () => {
    action.clear();
    setReturning(false);
    returnButton.current?.focus();
  };

  const formId = `verdict-form-${sectionId}`;
  const showNote = state === 'returned' && review.note !== undefined;
  const showDetail = meta !== null || showNote || returning || action.error !== null;
  return (
    <>
      <div className="verdict" role="group" aria-label={t.verdict.label} data-testid={`verdict-${sectionId}`} data-state={state}>
        <span className="verdict-status" aria-live="polite" aria-atomic="true">
          {state === 'none' ? null : (
            <span className={`verdict-chip is-${state}`} data-testid={`verdict-chip-${sectionId}`}>
              {t.verdict.states[state]}
            </span>
          )}
        </span>
        {reviewer && state !== 'approved' ? (
          <button
            type="button"
            className="verdict-button is-approve"
            data-testid={`verdict-approve-${sectionId}`}
            aria-busy={action.pending}
            onClick={() => void approve()}
          >
            {t.verdict.approve}
          </button>
        ) : null}
        {reviewer ? (
          <button
            type="button"
            ref={returnButton}
            className="verdict-button is-return"
            data-testid={`verdict-return-${sectionId}`}
            aria-expanded={returning}
            aria-controls={returning ? formId : undefined}
            onClick={toggleForm}
          >
            {state === 'returned' ? t.verdict.editNote : t.verdict.return}
          </button>
        ) : null}
      </div>
      {showDetail ? (
        <div className={`verdict-detail is-${state}`} data-testid={`verdict-detail-${sectionId}`}>
          {showNote ? (
            <p className="verdict-note" data-testid={`verdict-note-text-${sectionId}`}>
              {review.note}
            </p>
          ) : null}
          {meta === null ? null : <p className="verdict-meta">{meta}</p>}
          {returning ? (
            <div id={formId}>
              <ReturnForm
                sectionId={sectionId}
                initialNote={state === 'returned' ? review.note : undefined}
                pending={action.pending}
                error={action.error}
                onSubmit={(note) => void sendReturn(note)}
                onCancel={cancel}
              />
            </div>
          ) : (
            <ErrorMessage title={t.verdict.error} error={action.error} />
          )}
        </div>
      ) : null}
    </>
  );
}
