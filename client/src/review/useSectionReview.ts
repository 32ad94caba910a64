/**
 * What a section's editor does for the review: it registers itself with the page's review (so the sidebar
 * can place cards level with its text and select text in it), draws the open threads and suggestions of
 * its section (reviewHighlights.ts), and selects a card when its highlight is clicked.
 */
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import { colorFor } from '../identity.js';
import { useOptionalReview } from './ReviewContext.js';
import { REVIEW_ID_ATTRIBUTE, setReviewMarks, type ReviewMark } from './reviewHighlights.js';

/** Draws the review of `sectionId` in `editor`; returns the click handler of the editor's container. */
export function useSectionReview(sectionId: string, editor: Editor): (event: MouseEvent) => void {
  const review = useOptionalReview();
  const register = review?.registerEditor;
  useEffect(() => register?.(sectionId, editor), [register, sectionId, editor]);

  const entries = review?.entries;
  const activeId = review?.activeId ?? null;
  const marks = useMemo<ReviewMark[]>(() => {
    if (entries === undefined) return [];
    const threads = entries.threads
      .filter((thread) => thread.sectionId === sectionId && !thread.resolved)
      .map((thread): ReviewMark => ({ id: thread.id, kind: 'thread', anchor: thread.anchor, color: colorFor(thread.author.id), active: thread.id === activeId }));
    const suggestions = entries.suggestions
      .filter((suggestion) => suggestion.sectionId === sectionId && suggestion.state === 'open')
      .map(
        (suggestion): ReviewMark => ({
          id: suggestion.id,
          kind: 'suggestion',
          anchor: suggestion.anchor,
          color: colorFor(suggestion.author.id),
          replacement: suggestion.replacement,
          active: suggestion.id === activeId,
        }),
      );
    return [...threads, ...suggestions];
  }, [entries, sectionId, activeId]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(setReviewMarks(editor.state, marks));
  }, [editor, marks]);

  const activate = review?.activate;
  return useCallback(
    (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest(`[${REVIEW_ID_ATTRIBUTE}]`) : null;
      const id = target?.getAttribute(REVIEW_ID_ATTRIBUTE);
      if (id) activate?.(id);
    },
    [activate],
  );
}
