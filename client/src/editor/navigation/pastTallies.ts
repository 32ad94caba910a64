/**
 * The keyboard moves past an award tally (issue 12, item 3). A tally is a table drawn by its node view,
 * with no text of its own where a caret could stand, so the browser's own moves stop at it: Ctrl+End did
 * nothing in a section ending with one, and what was typed next landed wherever the caret had been.
 *
 * - An arrow key at the edge of a paragraph next to a tally jumps over it (and over tallies that follow
 *   it) to the nearest text beyond; with no text beyond, to a gap cursor at the document's edge, where
 *   typing starts a new paragraph (ProseMirror's gap cursor, part of StarterKit).
 * - From a gap cursor beside a tally, an arrow toward it jumps over it the same way.
 * - Ctrl+Home / Ctrl+End go to the start or end of the section: the first or last text, or a gap cursor
 *   before or after a tally that starts or ends it.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model';
import { GapCursor } from '@tiptap/pm/gapcursor';
import { NodeSelection, Selection, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

type Direction = 1 | -1;

/** `GapCursor.valid`: public in prosemirror-gapcursor's code, left out of its type declarations. */
const gapCursorFits = ($pos: ResolvedPos): boolean => (GapCursor as unknown as { valid($pos: ResolvedPos): boolean }).valid($pos);

const isTally = (node: ProseMirrorNode | null | undefined): boolean => node?.type.name === 'awardTally';

/** The position before the top-level node `index` of `doc` (the doc's end for `childCount`). */
function before(doc: ProseMirrorNode, index: number): number {
  let pos = 0;
  for (let child = 0; child < index; child += 1) pos += doc.child(child).nodeSize;
  return pos;
}

/** Where the selection lands at the document's edge: the nearest text, else a gap cursor, in `dir`. */
function atEdge(doc: ProseMirrorNode, dir: Direction): Selection {
  const edge = doc.resolve(dir > 0 ? doc.content.size : 0);
  const outer = dir > 0 ? doc.lastChild : doc.firstChild;
  if (outer !== null && !outer.isTextblock && gapCursorFits(edge)) return new GapCursor(edge);
  return dir > 0 ? Selection.atEnd(doc) : Selection.atStart(doc);
}

/**
 * The selection after jumping from the top-level index `from` (the first tally) over the tallies in `dir`:
 * into the nearest text beyond them, or to the document's edge.
 */
function beyondTallies(doc: ProseMirrorNode, from: number, dir: Direction): Selection {
  let index = from;
  while (index >= 0 && index < doc.childCount && isTally(doc.child(index))) index += dir;
  if (index < 0 || index >= doc.childCount) return atEdge(doc, dir);
  const start = doc.resolve(dir > 0 ? before(doc, index) : before(doc, index + 1));
  return Selection.findFrom(start, dir, true) ?? Selection.near(start, dir);
}

/** The top-level index next to the selection in `dir`, when the selection stands at that edge; null otherwise. */
function neighbourIndex(view: EditorView, state: EditorState, dir: Direction, vertical: boolean): number | null {
  const { selection } = state;
  if (selection instanceof GapCursor || (selection instanceof NodeSelection && selection.$from.depth === 0)) {
    const $pos: ResolvedPos = dir > 0 ? selection.$to : selection.$from;
    if ($pos.depth !== 0) return null;
    return dir > 0 ? $pos.index(0) : $pos.index(0) - 1;
  }
  if (!(selection instanceof TextSelection) || !selection.empty) return null;
  const $cursor = selection.$from;
  if ($cursor.depth < 1) return null;
  const side = dir > 0 ? (vertical ? 'down' : 'right') : vertical ? 'up' : 'left';
  if (!view.endOfTextblock(side)) return null;
  return $cursor.index(0) + dir;
}

/** Moves past the tally next to the selection in `dir`; false (the key's usual move) when there is none. */
function movePast(view: EditorView, dir: Direction, vertical: boolean): boolean {
  const { state } = view;
  const index = neighbourIndex(view, state, dir, vertical);
  if (index === null || index < 0 || index >= state.doc.childCount || !isTally(state.doc.child(index))) return false;
  view.dispatch(state.tr.setSelection(beyondTallies(state.doc, index, dir)).scrollIntoView());
  return true;
}

/** Ctrl+Home / Ctrl+End. */
function toEdge(view: EditorView, dir: Direction): boolean {
  const { state } = view;
  view.dispatch(state.tr.setSelection(atEdge(state.doc, dir)).scrollIntoView());
  return true;
}

export const PastTallies = Extension.create({
  name: 'pastTallies',
  // Before the gap cursor's own arrow keys (and the core keymap's): they would stop at the tally.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      ArrowDown: ({ editor }) => movePast(editor.view, 1, true),
      ArrowRight: ({ editor }) => movePast(editor.view, 1, false),
      ArrowUp: ({ editor }) => movePast(editor.view, -1, true),
      ArrowLeft: ({ editor }) => movePast(editor.view, -1, false),
      'Mod-End': ({ editor }) => toEdge(editor.view, 1),
      'Mod-Home': ({ editor }) => toEdge(editor.view, -1),
    };
  },
});
