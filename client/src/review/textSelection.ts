/** Selecting a card's text in its section editor, from the sidebar ("clicking one selects the other"). */
import type { Editor } from '@tiptap/core';
import { markRange } from './reviewHighlights.js';

/**
 * Selects the text of a thread or suggestion in its editor and brings it into view. The editor is not
 * focused, so the person stays in the card (to reply); the text shows as selected through the card's
 * stronger highlight.
 */
export function selectMarkedText(editor: Editor | undefined, reviewId: string): void {
  if (editor === undefined || editor.isDestroyed) return;
  const range = markRange(editor.state, reviewId);
  if (range === null) return;
  editor.commands.setTextSelection(range);
  try {
    const { top, bottom } = editor.view.coordsAtPos(range.from);
    if (top < 0 || bottom > window.innerHeight) window.scrollBy({ top: top - window.innerHeight / 3 });
  } catch {
    // Not laid out yet: the text is selected all the same.
  }
}
