/**
 * Keeps a section's text in Unicode NFC, whatever the input method or the clipboard produced (ND30.md:
 * precomposed Unicode; some Vietnamese input methods and PDFs give decomposed letters, "o" + U+0323 +
 * U+0302 for "ộ").
 *
 * - Pasted and dropped content is normalised before it goes in.
 * - Text this person typed is normalised right after the input — but never during a composition (Telex,
 *   VNI and other input methods compose in place; changing their text under them breaks the word being
 *   typed). Ranges changed during a composition are remembered, mapped through later changes, and
 *   normalised once the composition has ended.
 * - Only what this person changed is touched, and only its non-NFC part is replaced (the smallest
 *   replacement, its marks kept), so the caret stays after the same letter. Text arriving from others is
 *   left alone: their own editor normalises it, and two editors rewriting the same text at once would
 *   duplicate it.
 */
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { nfcChange, toNfc } from '../text/nfc.js';

type Range = readonly [from: number, to: number];

/** The plugin's state: ranges changed locally and not yet normalised (pending while composing). */
const nfcKey = new PluginKey<Range[]>('nfcNormalize');

/** How long after `compositionend` to look again: ProseMirror finishes a composition within 20 ms. */
const AFTER_COMPOSITION_MS = 30;

/** A transaction applied from the room (someone else's change, or undo through Yjs). */
function isRemote(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && (meta as { isChangeOrigin?: unknown }).isChangeOrigin === true;
}

/** The ranges `tr` changed, in the positions of its resulting document. */
function changedRanges(tr: Transaction): Range[] {
  const ranges: Range[] = [];
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  return ranges;
}

/** The ranges the local transactions among `transactions` changed, in the last one's resulting document. */
function localRanges(transactions: readonly Transaction[]): Range[] {
  const ranges: Range[] = [];
  transactions.forEach((tr, index) => {
    if (!tr.docChanged || isRemote(tr)) return;
    const later = transactions.slice(index + 1);
    for (const [from, to] of changedRanges(tr)) {
      ranges.push(later.reduce<Range>((range, next) => [next.mapping.map(range[0], -1), next.mapping.map(range[1], 1)], [from, to]));
    }
  });
  return ranges;
}

/** A fragment with every text node in NFC. */
function normaliseFragment(fragment: Fragment): Fragment {
  const children: ProseMirrorNode[] = [];
  fragment.forEach((child) => {
    if (child.isText) children.push(child.type.schema.text(toNfc(child.text ?? ''), child.marks));
    else children.push(child.copy(normaliseFragment(child.content)));
  });
  return Fragment.fromArray(children);
}

const MARK = /\p{M}/u;

/**
 * `[start, end)` of `text` widened to whole letters: back over combining marks to their base letter, and
 * on over the marks that follow, so a letter is never normalised in half.
 */
function wholeLetters(text: string, start: number, end: number): [number, number] {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from > 0 && MARK.test(text[from] ?? '')) from -= 1;
  while (to < text.length && MARK.test(text[to] ?? '')) to += 1;
  return [from, to];
}

/** Intervals merged where they overlap or touch, in order. */
function merged(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * A transaction replacing the non-NFC parts of what `ranges` changed — only those letters of the text
 * nodes they touch, never the rest of a node, which may hold someone else's word being composed (issue 12:
 * rewriting it under their input method doubled it) — or null when there are none.
 */
function normalisation(state: EditorState, ranges: readonly Range[]): Transaction | null {
  const size = state.doc.content.size;
  // Text node position → the node and the parts of it that were changed (offsets in its text).
  const touched = new Map<number, { node: ProseMirrorNode; parts: Array<[number, number]> }>();
  for (const [from, to] of ranges) {
    state.doc.nodesBetween(Math.max(0, from - 1), Math.min(size, to + 1), (node, pos) => {
      if (!node.isText) return true;
      const text = node.text ?? '';
      const entry = touched.get(pos) ?? { node, parts: [] };
      entry.parts.push(wholeLetters(text, from - pos, to - pos));
      touched.set(pos, entry);
      return false;
    });
  }
  const edits: Array<{ from: number; to: number; node: ProseMirrorNode; insert: string }> = [];
  for (const [pos, { node, parts }] of touched) {
    const text = node.text ?? '';
    for (const [start, end] of merged(parts)) {
      const change = nfcChange(text.slice(start, end));
      if (change !== null) edits.push({ from: pos + start + change.start, to: pos + start + change.end, node, insert: change.insert });
    }
  }
  if (edits.length === 0) return null;
  const tr = state.tr;
  // From the end, so earlier positions stay valid.
  for (const edit of edits.sort((a, b) => b.from - a.from)) {
    tr.replaceWith(edit.from, edit.to, state.schema.text(edit.insert, edit.node.marks));
  }
  return tr;
}

/** The extension; add it to every section editor. */
export const NfcNormalize = Extension.create({
  name: 'nfcNormalize',

  addProseMirrorPlugins() {
    let view: EditorView | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    return [
      new Plugin<Range[]>({
        key: nfcKey,
        state: {
          init: () => [],
          // Only what changes during a composition waits here; everything else is handled at once below.
          apply(tr, pending) {
            if (tr.getMeta(nfcKey) === 'done') return [];
            const mapped = tr.docChanged ? pending.map(([from, to]): Range => [tr.mapping.map(from, -1), tr.mapping.map(to, 1)]) : pending;
            return view?.composing === true && tr.docChanged && !isRemote(tr) ? [...mapped, ...changedRanges(tr)] : mapped;
          },
        },
        appendTransaction(transactions, _oldState, state) {
          if (view?.composing === true) return null;
          const pending = nfcKey.getState(state) ?? [];
          const ranges = [...pending, ...localRanges(transactions)];
          if (ranges.length === 0) return null;
          const tr = normalisation(state, ranges);
          if (pending.length > 0) return (tr ?? state.tr).setMeta(nfcKey, 'done');
          return tr;
        },
        view(editorView) {
          view = editorView;
          return {
            destroy() {
              clearTimeout(timer);
              view = null;
            },
          };
        },
        props: {
          transformPastedText: (text) => toNfc(text),
          transformPastedHTML: (html) => toNfc(html),
          transformPasted: (slice) => new Slice(normaliseFragment(slice.content), slice.openStart, slice.openEnd),
          handleDOMEvents: {
            // Once the composition is over, look again (an empty transaction runs appendTransaction).
            compositionend: () => {
              clearTimeout(timer);
              timer = setTimeout(() => {
                if (view === null || view.composing || (nfcKey.getState(view.state) ?? []).length === 0) return;
                view.dispatch(view.state.tr);
              }, AFTER_COMPOSITION_MS);
              return false;
            },
          },
        },
      }),
    ];
  },
});
