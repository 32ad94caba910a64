/**
 * Find and replace across the editors of a report page (issue 12, item 3): the matches of every editor in
 * page order (accent-insensitive, foldedText.ts), highlighted in each (searchHighlights.ts), and replaced
 * as ordinary edits of each editor — which the collaboration binding sends as Yjs updates like typing —
 * only where the person may write (the editor is editable).
 */
import { TextSelection } from '@tiptap/pm/state';
import { toNfc } from '../../text/nfc.js';
import { findMatches, type TextMatch } from './foldedText.js';
import type { ReportEditor } from './reportEditors.js';
import { setSearch } from './searchHighlights.js';

/** One match of the report: its editor and where it is. */
export interface ReportMatch extends TextMatch {
  entry: ReportEditor;
}

/** Every match of `query` in `entries`, in page order. */
export function reportMatches(entries: readonly ReportEditor[], query: string): ReportMatch[] {
  return entries.flatMap((entry) => findMatches(entry.editor.state.doc, query).map((match) => ({ ...match, entry })));
}

/** Highlights `query` in every editor, `current` marked; an empty query clears every highlight. */
export function highlightMatches(entries: readonly ReportEditor[], query: string, current: ReportMatch | null): void {
  for (const entry of entries) {
    if (entry.editor.isDestroyed) continue;
    const own = current !== null && current.entry === entry ? { from: current.from, to: current.to } : null;
    setSearch(entry.editor.view, { query, current: own });
  }
}

/** Whether the person may change the match's text. */
export function isWritable(match: ReportMatch): boolean {
  return match.entry.editor.isEditable;
}

/** Selects `match` in its editor and scrolls it into view; `focus` also puts the keyboard there. */
export function showMatch(match: ReportMatch, focus = false): void {
  const { view } = match.entry.editor;
  const { doc } = view.state;
  if (match.to > doc.content.size) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, match.from, match.to)));
  const { node } = view.domAtPos(match.from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center' });
  if (focus && match.entry.editor.isEditable) view.focus();
}

/** Replaces one match by `text`, when the person may write there. Returns whether it did. */
export function replaceMatch(match: ReportMatch, text: string): boolean {
  if (!isWritable(match)) return false;
  const { view } = match.entry.editor;
  if (match.to > view.state.doc.content.size) return false;
  view.dispatch(view.state.tr.insertText(toNfc(text), match.from, match.to));
  return true;
}

/** Replaces every match of `query` by `text` where the person may write: how many, and how many were read-only. */
export function replaceAllMatches(entries: readonly ReportEditor[], query: string, text: string): { replaced: number; readOnly: number } {
  let replaced = 0;
  let readOnly = 0;
  for (const entry of entries) {
    const matches = findMatches(entry.editor.state.doc, query);
    if (matches.length === 0) continue;
    if (!entry.editor.isEditable) {
      readOnly += matches.length;
      continue;
    }
    const { view } = entry.editor;
    const tr = view.state.tr;
    // From the end, so earlier positions stay valid.
    for (const match of [...matches].reverse()) tr.insertText(toNfc(text), match.from, match.to);
    view.dispatch(tr);
    replaced += matches.length;
  }
  return { replaced, readOnly };
}
