/**
 * The column beside the A4 page that lists the review: a card for each open comment thread and suggested
 * edit, level with its text; the buttons that comment on (or suggest an edit to) the selected text, level
 * with it; the composer; and, on request, what was resolved or decided. Clicking a card selects its text;
 * clicking a highlight in the text selects its card (useSectionReview.ts).
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { sectionAccess } from '../../../common/access.js';
import type { Anchor } from '../../../common/review.js';
import { useT } from '../i18n/locale.js';
import { useSession } from '../session/SessionContext.js';
import { ReviewComposer } from './ReviewComposer.js';
import { useReview } from './ReviewContext.js';
import { SuggestionCard } from './SuggestionCard.js';
import { ThreadCard } from './ThreadCard.js';
import { isInside, isWithinOneText, rangeOfAnchor } from './reviewAnchors.js';
import { markRange } from './reviewHighlights.js';
import { placeCards } from './sidebarLayout.js';
import { selectMarkedText } from './textSelection.js';

/** What a card is level with: a drawn mark, an anchor, or an editor position — in a section. */
type Target = { sectionId: string } & ({ reviewId: string } | { anchor: Anchor } | { position: number });

/** Re-renders on the next frame after anything that may move the text (batched: one per frame). */
function useLayoutTick(): void {
  const { onLayoutChange } = useReview();
  const [, tick] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), tick()));
    };
    const stop = onLayoutChange(schedule);
    const resized = new ResizeObserver(schedule);
    const sheet = document.querySelector('.sheet');
    if (sheet !== null) resized.observe(sheet);
    window.addEventListener('resize', schedule);
    return () => {
      stop();
      resized.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [onLayoutChange]);
}

export function ReviewSidebar() {
  const t = useT();
  const { me } = useSession();
  const review = useReview();
  const { entries, editors, activeId, activate, selection, composer, openComposer, showResolved, setShowResolved, owners, closed } = review;
  const sidebar = useRef<HTMLElement>(null);
  const targets = useRef(new Map<string, Target>());
  useLayoutTick();

  targets.current.clear();
  const drawn = (sectionId: string, reviewId: string) => {
    const editor = editors().get(sectionId);
    // A section still loading is not known to have lost the text.
    return editor === undefined || editor.isDestroyed || markRange(editor.state, reviewId) !== null;
  };

  const select = useCallback(
    (sectionId: string, reviewId: string) => {
      activate(reviewId);
      selectMarkedText(editors().get(sectionId), reviewId);
    },
    [activate, editors],
  );

  const threads = entries.threads.filter((thread) => showResolved || !thread.resolved);
  const suggestions = entries.suggestions.filter((suggestion) => showResolved || suggestion.state === 'open');
  const settled = entries.threads.filter((thread) => thread.resolved).length + entries.suggestions.filter((item) => item.state !== 'open').length;
  for (const thread of threads) targets.current.set(thread.id, { sectionId: thread.sectionId, reviewId: thread.id });
  for (const suggestion of suggestions) targets.current.set(suggestion.id, { sectionId: suggestion.sectionId, reviewId: suggestion.id });
  if (composer !== null) targets.current.set('composer', { sectionId: composer.sectionId, anchor: composer.anchor });

  const selectionEditor = selection === null ? undefined : editors().get(selection.sectionId);
  // A selection read before an edit may no longer fit the document; the next selectionchange brings the new one.
  // Once issued the review is final: nothing to comment on or suggest (issue 10).
  const showSelectionActions =
    !closed && composer === null && selection !== null && selectionEditor !== undefined && isInside(selectionEditor.state, selection.from, selection.to);
  if (showSelectionActions) targets.current.set('selection', { sectionId: selection.sectionId, position: selection.from });
  const maySuggest =
    showSelectionActions && sectionAccess(me, owners.get(selection.sectionId) ?? null) !== 'write';
  const oneParagraph = showSelectionActions && isWithinOneText(selectionEditor.state, selection.from, selection.to);

  // Every render: place the cards level with their text now.
  useLayoutEffect(() => {
    const element = sidebar.current;
    if (element === null) return;
    // Narrow screens list the cards one below the other (review.css): nothing to place.
    const first = element.querySelector<HTMLElement>('[data-layout-key]');
    if (first === null || getComputedStyle(first).position !== 'absolute') return;
    const top = element.getBoundingClientRect().top;
    const cards = [...element.querySelectorAll<HTMLElement>('[data-layout-key]')];
    const slots = cards.map((card) => {
      const key = card.dataset.layoutKey ?? '';
      const place = wantedPlace(targets.current.get(key), editors(), top);
      return { key, wanted: place.top, across: place.left, height: card.offsetHeight };
    });
    const tops = placeCards(slots, composer !== null ? 'composer' : activeId);
    for (const card of cards) card.style.top = `${tops.get(card.dataset.layoutKey ?? '') ?? 0}px`;
    const bottom = Math.max(0, ...cards.map((card) => card.offsetTop + card.offsetHeight));
    element.style.minHeight = `${bottom + 16}px`;
  });

  return (
    <aside className="review-sidebar" ref={sidebar} aria-label={t.review.sidebarLabel} data-testid="review-sidebar">
      {settled === 0 ? null : (
        <button type="button" className="review-toggle" data-testid="toggle-resolved" onClick={() => setShowResolved(!showResolved)}>
          {showResolved ? t.review.hideResolved : t.review.showResolved(settled)}
        </button>
      )}
      {threads.length === 0 && suggestions.length === 0 && composer === null && !showSelectionActions ? (
        <p className="review-empty">{t.review.empty}</p>
      ) : null}
      {showSelectionActions ? (
        <div className="review-selection-actions" data-layout-key="selection">
          {/* mousedown would take the selection away before the click reads it */}
          <button
            type="button"
            className="review-button is-primary"
            data-testid="add-comment"
            title={`${t.review.comment} (${t.review.commentShortcut})`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => openComposer('comment')}
          >
            {t.review.comment}
          </button>
          {maySuggest ? (
            <button
              type="button"
              className="review-button"
              data-testid="add-suggestion"
              disabled={!oneParagraph}
              title={oneParagraph ? t.review.suggest : t.review.suggestOneParagraph}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => openComposer('suggestion')}
            >
              {t.review.suggest}
            </button>
          ) : null}
        </div>
      ) : null}
      {composer === null ? null : <ReviewComposer key={`${composer.kind}:${composer.anchor.from}:${composer.anchor.to}`} target={composer} />}
      {threads.map((thread) => (
        <ThreadCard key={thread.id} thread={thread} detached={!drawn(thread.sectionId, thread.id)} onSelect={() => select(thread.sectionId, thread.id)} />
      ))}
      {suggestions.map((suggestion) => (
        <SuggestionCard
          key={suggestion.id}
          suggestion={suggestion}
          detached={!drawn(suggestion.sectionId, suggestion.id)}
          onSelect={() => select(suggestion.sectionId, suggestion.id)}
        />
      ))}
    </aside>
  );
}

/**
 * How far below the top of the sidebar a card's text starts (its section's heading when the text is gone),
 * and where along its line.
 */
function wantedPlace(
  target: Target | undefined,
  editors: ReturnType<ReturnType<typeof useReview>['editors']>,
  sidebarTop: number,
): { top: number; left: number } {
  if (target === undefined) return { top: 0, left: 0 };
  const editor = editors.get(target.sectionId);
  let from: number | null = null;
  if (editor !== undefined && !editor.isDestroyed) {
    if ('reviewId' in target) from = markRange(editor.state, target.reviewId)?.from ?? null;
    else if ('anchor' in target) from = rangeOfAnchor(editor.state, target.anchor)?.from ?? null;
    else from = target.position;
    if (from !== null) {
      try {
        const coords = editor.view.coordsAtPos(from);
        return { top: coords.top - sidebarTop, left: coords.left };
      } catch {
        // A position the view cannot measure yet: fall back to the section.
      }
    }
  }
  const section = document.querySelector(`[data-testid="section-${CSS.escape(target.sectionId)}"]`);
  return { top: section === null ? 0 : section.getBoundingClientRect().top - sidebarTop, left: 0 };
}
