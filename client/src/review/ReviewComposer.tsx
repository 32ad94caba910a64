/**
 * The card that writes a new comment or suggested edit on the text selected when it opened. A comment
 * may mention departments and people ("@"); a suggestion proposes the new text of the selection, which
 * starts as the old one. Enter sends, Escape cancels; after sending, the new card appears through the
 * review room and is selected.
 */
import { useState } from 'react';
import { createComment, createSuggestion } from '../api/review.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';
import { MentionInput } from './MentionInput.js';
import { useReview, type ComposerTarget } from './ReviewContext.js';
import { useMentionDraft } from './useMentionDraft.js';

export function ReviewComposer({ target }: { target: ComposerTarget }) {
  const t = useT();
  const { reportId, closeComposer, activate } = useReview();
  const draft = useMentionDraft();
  // A suggestion starts as the text it replaces.
  const [replacement, setReplacement] = useState(target.quote);
  const action = useAction();

  const send = async () => {
    if (target.kind === 'comment' && draft.text.trim() === '') return;
    if (target.kind === 'suggestion' && replacement === target.quote) return;
    let createdId = '';
    const sent = await action.run(async () => {
      const { sectionId, anchor, quote } = target;
      const created =
        target.kind === 'comment'
          ? await createComment(reportId, { sectionId, anchor, quote, body: draft.text, mentions: draft.mentions() })
          : await createSuggestion(reportId, { sectionId, anchor, quote, replacement: replacement.replace(/[\r\n]+/g, ' ') });
      createdId = created.id;
    });
    if (!sent) return;
    closeComposer();
    activate(createdId, { focus: true });
  };

  const title = target.kind === 'comment' ? t.review.comment : t.review.suggestionTitle;
  return (
    <section className="review-card composer-card is-active" data-layout-key="composer" data-testid="review-composer" aria-label={title}>
      <p className="review-composer-quote">
        {target.kind === 'suggestion' ? <del className="suggestion-quote">{target.quote}</del> : <q>{target.quote}</q>}
      </p>
      {target.kind === 'comment' ? (
        <MentionInput
          draft={draft}
          onSubmit={() => void send()}
          onCancel={closeComposer}
          label={t.review.composerLabel}
          placeholder={t.review.composerPlaceholder}
          autoFocus
          busy={action.pending}
          testId="composer-input"
        />
      ) : (
        <input
          className="review-textarea"
          data-testid="composer-input"
          aria-label={t.review.replacementLabel}
          value={replacement}
          // The person asked to write: the box takes the keyboard.
          autoFocus
          readOnly={action.pending}
          onChange={(event) => setReplacement(event.target.value)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (event.key === 'Enter') {
              event.preventDefault();
              void send();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              closeComposer();
            }
          }}
        />
      )}
      <div className="review-actions">
        <button type="button" className="review-button is-primary" data-testid="composer-send" disabled={action.pending} onClick={() => void send()}>
          {action.pending ? t.review.sending : t.review.send}
        </button>
        <button type="button" className="review-button" data-testid="composer-cancel" onClick={closeComposer}>
          {t.review.cancel}
        </button>
      </div>
      <ErrorMessage title={t.review.actionError} error={action.error} />
    </section>
  );
}
