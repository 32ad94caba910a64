/**
 * Enter starts a new paragraph in plain text. Templates put their guidance in italics; without this, what
 * a person types after pressing Enter at the end of a guidance line would carry on in italics.
 * Lists keep their own Enter (a new item).
 */
import { Extension } from '@tiptap/core';

export const PlainEnter = Extension.create({
  name: 'plainEnter',
  // Before the core keymap (priority 100), whose Enter splits the block keeping the marks.
  priority: 101,
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        if (editor.isActive('listItem')) return false; // the list item's own Enter adds an item
        return editor.commands.first(({ commands }) => [
          () => commands.createParagraphNear(),
          () => commands.liftEmptyBlock(),
          () => commands.splitBlock({ keepMarks: false }),
        ]);
      },
    };
  },
});
