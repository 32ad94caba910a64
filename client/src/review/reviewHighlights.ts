/**
 * The review drawn into a section's text: each open comment thread as a highlight, each open suggestion as
 * its old text struck through and its new text underlined after it, in the suggester's colour. The
 * highlights are decorations — nothing of them is in the document or its room.
 *
 * The ranges come from the anchors through the collaboration binding (reviewAnchors.ts). That is only
 * right once the binding has seen the change: after a change from the room (the binding's own
 * transactions) and when the review changes (a transaction of this plugin). A local edit reaches the room
 * only after the editor has applied it, so for that the highlights are mapped through the edit instead —
 * which is also how they follow the person's own typing exactly.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Anchor } from '../../../common/review.js';
import { rangeOfAnchor } from './reviewAnchors.js';

/** One thing of the review drawn in the text. */
export interface ReviewMark {
  id: string;
  kind: 'thread' | 'suggestion';
  anchor: Anchor;
  /** The author's colour (identity.ts), for a suggestion's marks. */
  color: string;
  /** A suggestion's new text. */
  replacement?: string;
  /** The card of this mark is the one selected in the sidebar. */
  active: boolean;
}

/** What a decoration's spec carries, to find a mark's place again (the sidebar, clicks). */
export interface ReviewDecorationSpec {
  reviewId: string;
}

export const reviewHighlightsKey = new PluginKey<HighlightState>('reviewHighlights');

interface HighlightState {
  marks: readonly ReviewMark[];
  decorations: DecorationSet;
}

/** The attribute that names a mark on its highlighted text, for clicks (ReviewSidebar). */
export const REVIEW_ID_ATTRIBUTE = 'data-review-id';

function replacementWidget(mark: ReviewMark): HTMLElement {
  const inserted = document.createElement('ins');
  inserted.className = 'suggestion-new';
  inserted.textContent = mark.replacement ?? '';
  inserted.style.setProperty('--suggester', mark.color);
  inserted.setAttribute(REVIEW_ID_ATTRIBUTE, mark.id);
  return inserted;
}

function decorate(state: EditorState, marks: readonly ReviewMark[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const mark of marks) {
    const range = rangeOfAnchor(state, mark.anchor);
    if (range === null) continue;
    const spec: ReviewDecorationSpec = { reviewId: mark.id };
    const active = mark.active ? ' is-active' : '';
    if (mark.kind === 'thread') {
      decorations.push(Decoration.inline(range.from, range.to, { class: `comment-highlight${active}`, [REVIEW_ID_ATTRIBUTE]: mark.id }, spec));
      continue;
    }
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: `suggestion-old${active}`, style: `--suggester: ${mark.color}`, [REVIEW_ID_ATTRIBUTE]: mark.id },
        spec,
      ),
    );
    if (mark.replacement) {
      decorations.push(
        Decoration.widget(range.to, () => replacementWidget(mark), { ...spec, key: `${mark.id}:${mark.replacement}:${mark.color}`, side: -1 }),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

function fromTheRoom(transaction: Transaction): boolean {
  const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return sync?.isChangeOrigin === true;
}

/** Tells an editor which marks to draw now. */
export function setReviewMarks(state: EditorState, marks: readonly ReviewMark[]): Transaction {
  return state.tr.setMeta(reviewHighlightsKey, marks).setMeta('addToHistory', false);
}

/** Where a mark is drawn now in an editor's state; null when it is not drawn (its text is gone). */
export function markRange(state: EditorState, reviewId: string): { from: number; to: number } | null {
  const found = reviewHighlightsKey
    .getState(state)
    ?.decorations.find(undefined, undefined, (spec) => (spec as Partial<ReviewDecorationSpec>).reviewId === reviewId);
  if (found === undefined || found.length === 0) return null;
  return { from: Math.min(...found.map((decoration) => decoration.from)), to: Math.max(...found.map((decoration) => decoration.to)) };
}

/** The extension of a section editor that draws the review. */
export const ReviewHighlights = Extension.create({
  name: 'reviewHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: reviewHighlightsKey,
        state: {
          init: (_config, state) => ({ marks: [], decorations: DecorationSet.empty.map(state.tr.mapping, state.doc) }),
          apply(transaction, value, _old, state) {
            const marks = transaction.getMeta(reviewHighlightsKey) as readonly ReviewMark[] | undefined;
            if (marks !== undefined) return { marks, decorations: decorate(state, marks) };
            if (value.marks.length === 0) return value;
            if (fromTheRoom(transaction)) return { marks: value.marks, decorations: decorate(state, value.marks) };
            if (transaction.docChanged) return { marks: value.marks, decorations: value.decorations.map(transaction.mapping, transaction.doc) };
            return value;
          },
        },
        props: {
          decorations: (state) => reviewHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
