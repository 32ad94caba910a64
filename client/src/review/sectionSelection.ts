/**
 * The text a person has selected in one of the report's section editors, read from the page's selection.
 * It is read from the DOM rather than from an editor's state because a section the person may not write
 * is not editable, and its editor does not follow the selection — yet its text can be commented on.
 */
import type { Editor } from '@tiptap/core';

/** A non-empty selection within one section, in its editor's positions. */
export interface SectionSelection {
  sectionId: string;
  from: number;
  to: number;
}

/** The section editors of the page, by section id. */
export type SectionEditors = ReadonlyMap<string, Editor>;

/**
 * The selection of the page if it is a non-empty range inside one section editor; null otherwise (nothing
 * selected, a caret, or a range across sections or outside them).
 */
export function readSectionSelection(editors: SectionEditors): SectionSelection | null {
  const selection = document.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  for (const [sectionId, editor] of editors) {
    if (editor.isDestroyed) continue;
    const { view } = editor;
    if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) continue;
    try {
      const from = view.posAtDOM(range.startContainer, range.startOffset);
      const to = view.posAtDOM(range.endContainer, range.endOffset);
      if (from === to) return null;
      return { sectionId, from: Math.min(from, to), to: Math.max(from, to) };
    } catch {
      // A point ProseMirror does not map (inside a node view's controls): not text to comment on.
      return null;
    }
  }
  return null;
}
