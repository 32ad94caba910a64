/**
 * What the toolbar does with tables (TipTap's table extension, in the shared schema): insert one, add and
 * remove rows and columns, delete it. Each runs on the section's editor and gives it back the focus, so
 * typing goes on in the table.
 */
import type { Editor } from '@tiptap/core';

/** A new table: three columns, a header row and two rows to fill. */
export const NEW_TABLE = { rows: 3, cols: 3, withHeaderRow: true } as const;

/** The table operations offered while the caret is in a table, in toolbar order. */
export type TableAction = 'addRowAfter' | 'addColumnAfter' | 'deleteRow' | 'deleteColumn' | 'deleteTable';

export const TABLE_ACTIONS: readonly TableAction[] = ['addRowAfter', 'addColumnAfter', 'deleteRow', 'deleteColumn', 'deleteTable'];

/** Whether the selection is inside a table (a new table is then not offered: tables are not nested). */
export function inTable(editor: Editor): boolean {
  return editor.isActive('table');
}

/** Inserts a new table where the caret is, the caret in its first cell. */
export function insertTable(editor: Editor): boolean {
  if (inTable(editor)) return false;
  return editor.chain().focus().insertTable(NEW_TABLE).run();
}

/** Runs a table operation on the table holding the selection. */
export function runTableAction(editor: Editor, action: TableAction): boolean {
  const chain = editor.chain().focus();
  switch (action) {
    case 'addRowAfter':
      return chain.addRowAfter().run();
    case 'addColumnAfter':
      return chain.addColumnAfter().run();
    case 'deleteRow':
      return chain.deleteRow().run();
    case 'deleteColumn':
      return chain.deleteColumn().run();
    case 'deleteTable':
      return chain.deleteTable().run();
  }
}
