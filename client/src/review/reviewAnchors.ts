/**
 * Between the editor's positions and the anchors of comments and suggestions (common/anchors.ts). The
 * editor counts positions in its ProseMirror document; an anchor names Yjs items of the section's `body`.
 * The collaboration binding (y-tiptap) holds the map between the two, so both directions go through it.
 */
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeAnchorPosition, encodeAnchorPosition } from '../../../common/anchors.js';
import type { Anchor } from '../../../common/review.js';

/** What the binding of a section editor exposes: the Yjs document, its body fragment, and the node map. */
interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

function bindingOf(state: EditorState): Binding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
  return sync?.binding ?? null;
}

/**
 * One side of an anchor at an editor position. Inside text, the start leans right and the end leans left
 * (as `anchorOfText` makes them), so what others type at either edge stays outside the range.
 */
function sideAt(binding: Binding, position: number, side: 'start' | 'end'): string {
  const relative = absolutePositionToRelativePosition(position, binding.type, binding.mapping as never) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (absolute !== null && absolute.type instanceof Y.XmlText) {
    return encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, side === 'start' ? 0 : -1));
  }
  return encodeAnchorPosition(relative);
}

/** The anchor of the editor range `[from, to)`; null while the editor is not bound to its room yet. */
export function anchorOfRange(state: EditorState, from: number, to: number): Anchor | null {
  const binding = bindingOf(state);
  if (binding === null || from >= to) return null;
  return { from: sideAt(binding, from, 'start'), to: sideAt(binding, to, 'end') };
}

/** Where an anchor lies in the editor now; null when it does not resolve or covers nothing (its text was deleted). */
export function rangeOfAnchor(state: EditorState, anchor: Anchor): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (binding === null) return null;
  const fromSide = decodeAnchorPosition(anchor.from);
  const toSide = decodeAnchorPosition(anchor.to);
  if (fromSide === null || toSide === null) return null;
  const mapping = binding.mapping as never;
  try {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.type, fromSide, mapping);
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, toSide, mapping);
    return from === null || to === null || !isInside(state, from, to) ? null : { from, to };
  } catch {
    // Items the binding has not mapped yet (a change still on its way into the editor): not drawn for now.
    return null;
  }
}

/** Whether `[from, to)` is a range of the editor's document as it is now (a range read earlier may not be). */
export function isInside(state: EditorState, from: number, to: number): boolean {
  return from >= 0 && from < to && to <= state.doc.content.size;
}

/** Whether the editor range `[from, to)` lies within one run of text (one paragraph, no tally across it). */
export function isWithinOneText(state: EditorState, from: number, to: number): boolean {
  if (!isInside(state, from, to)) return false;
  const $from = state.doc.resolve(from);
  const $to = state.doc.resolve(to);
  if ($from.parent !== $to.parent || !$from.parent.isTextblock) return false;
  let onlyText = true;
  state.doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !node.isText) onlyText = false;
  });
  return onlyText;
}
