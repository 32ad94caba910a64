/**
 * A suggested edit in the sidebar: the text it would replace, struck through, and the new text, in the
 * suggester's colour; for whoever may write the section (common/access.ts `canDecideSuggestion`), buttons
 * to accept it — the server writes it into the section as one edit — or reject it.
 */
import { canDecideSuggestion } from '../../../common/access.js';
import type { StoredSuggestion } from '../../../common/review.js';
import { ApiError } from '../api/http.js';
import { acceptSuggestion, rejectSuggestion } from '../api/review.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useAction } from '../components/useAction.js';
import { useT } from '../i18n/locale.js';
import { colorFor } from '../identity.js';
import { useSession } from '../session/SessionContext.js';
import { ReviewCardHeader } from './ReviewCardHeader.js';
import { useReview } from './ReviewContext.js';
import { selectOnEnter } from './cardKeys.js';
import { useCardFocus } from './useCardFocus.js';

interface SuggestionCardProps {
  suggestion: StoredSuggestion;
  detached: boolean;
  onSelect(): void;
}

export function SuggestionCard({ suggestion, detached, onSelect }: SuggestionCardProps) {
  const t = useT();
  const { me } = useSession();
  const { reportId, owners, activeId, closed } = useReview();
  const active = activeId === suggestion.id;
  const card = useCardFocus<HTMLElement>(suggestion.id);
  const decision = useAction();
  // Once issued the review is final (issue 10): an open suggestion stays undecided.
  const mayDecide = !closed && suggestion.state === 'open' && canDecideSuggestion(me, owners.get(suggestion.sectionId) ?? null);
  const stale = decision.error instanceof ApiError && decision.error.code === 'suggestion_stale';
  const color = colorFor(suggestion.author.id);

  return (
    <article
      ref={card}
      className={`review-card suggestion-card${active ? ' is-active' : ''}${suggestion.state === 'open' ? '' : ' is-resolved'}`}
      data-testid={`suggestion-${suggestion.id}`}
      data-layout-key={suggestion.id}
      data-state={suggestion.state}
      aria-label={t.review.suggestionLabel(suggestion.author.displayName, suggestion.quote)}
      aria-current={active ? 'true' : undefined}
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={selectOnEnter(onSelect)}
      style={{ ['--suggester' as string]: color }}
    >
      <ReviewCardHeader author={suggestion.author} createdAt={suggestion.createdAt} />
      <p className="review-suggestion-title">{t.review.suggestionTitle}</p>
      {detached && suggestion.state === 'open' ? <p className="review-detached">{t.review.detached}</p> : null}
      <p className="review-suggestion-change">
        <del className="suggestion-quote">{suggestion.quote}</del>{' '}
        {suggestion.replacement === '' ? (
          <em>{t.review.deletion}</em>
        ) : (
          <>
            {t.review.replaceWith} <ins className="suggestion-replacement">{suggestion.replacement}</ins>
          </>
        )}
      </p>
      {suggestion.state === 'open' ? null : (
        <p className="review-resolved-note">{suggestion.state === 'accepted' ? t.review.accepted : t.review.rejected}</p>
      )}
      {mayDecide ? (
        <div className="review-actions">
          <button
            type="button"
            className="review-button is-primary"
            data-testid={`accept-${suggestion.id}`}
            disabled={decision.pending}
            onClick={(event) => {
              event.stopPropagation();
              void decision.run(() => acceptSuggestion(reportId, suggestion.id));
            }}
          >
            {t.review.accept}
          </button>
          <button
            type="button"
            className="review-button"
            data-testid={`reject-${suggestion.id}`}
            disabled={decision.pending}
            onClick={(event) => {
              event.stopPropagation();
              void decision.run(() => rejectSuggestion(reportId, suggestion.id));
            }}
          >
            {t.review.reject}
          </button>
        </div>
      ) : null}
      {stale ? (
        <p className="error-message" role="alert" data-testid={`suggestion-stale-${suggestion.id}`}>
          {t.review.stale}
        </p>
      ) : (
        <ErrorMessage title={t.review.actionError} error={decision.error} />
      )}
    </article>
  );
}
