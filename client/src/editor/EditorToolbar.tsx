/**
 * The formatting toolbar of one section: bold, italic, numbered item "1.", point "a)", bullets, the award
 * tally (inserted after the current paragraph), a new table — and, while the caret is in a table, its rows,
 * columns and deletion.
 *
 * It works from the keyboard alone (issue 12, item 6), as WAI-ARIA's toolbar pattern has it: one tab stop
 * (a roving tabindex) whose buttons the arrow keys, Home and End move between; Enter and Space press a
 * button; Alt+F10 in the text comes here (as in Word and TinyMCE) and Esc goes back. It is shown while its
 * editor or itself has the focus, and Tab reaches it even when the editor does not have it.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { TableActionIcon, TableIcon } from './table/TableIcons.js';
import { insertTable, runTableAction, TABLE_ACTIONS } from './table/tableCommands.js';
import { insertTally } from './tally/tallyEdits.js';

/** The key that brings the focus from a section's text to its toolbar. */
export const TOOLBAR_SHORTCUT = 'Alt+F10';

/** One button of the toolbar. */
interface ToolbarItem {
  id: string;
  label: string;
  /** For toggles: whether the format is on. Left out for actions. */
  active?: boolean;
  /** Shown, focusable, but does nothing now (aria-disabled). */
  disabled?: boolean;
  /** `keyboard`: pressed with Enter or Space (a click with no pointer). */
  run(keyboard: boolean): void;
  content: ReactNode;
  className?: string;
  testId?: string;
}

interface ToolbarButtonProps {
  item: ToolbarItem;
  /** Whether this button is the toolbar's tab stop. */
  tabStop: boolean;
  onFocusItem(id: string): void;
}

function ToolbarButton({ item, tabStop, onFocusItem }: ToolbarButtonProps) {
  // A press with the mouse keeps the editor's focus and selection; the button acts on click, which Enter and
  // Space also give.
  const keepEditorFocus = (event: MouseEvent<HTMLButtonElement>) => event.preventDefault();
  return (
    <button
      type="button"
      className={`toolbar-button ${item.className ?? ''} ${item.active === true ? 'is-active' : ''}`}
      title={item.label}
      aria-label={item.label}
      aria-pressed={item.active}
      aria-disabled={item.disabled === true || undefined}
      tabIndex={tabStop ? 0 : -1}
      data-toolbar-item={item.id}
      data-testid={item.testId ?? `toolbar-${item.id}`}
      onMouseDown={keepEditorFocus}
      onFocus={() => onFocusItem(item.id)}
      onClick={(event) => {
        if (item.disabled !== true) item.run(event.detail === 0);
      }}
    >
      {item.content}
    </button>
  );
}

/** A small table with a total row. */
function TallyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M1.5 2.5h13v11h-13zM1.5 6h13M1.5 9.5h13M6 2.5v11" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <path d="M1.5 9.5h13v4h-13z" fill="currentColor" opacity="0.25" />
    </svg>
  );
}

/** Focuses the first field of the tally at `pos` once its node view has drawn it (within a few frames). */
function focusTallyField(editor: Editor, pos: number, frames = 10): void {
  if (editor.isDestroyed) return;
  const dom = editor.view.nodeDOM(pos);
  const field = dom instanceof HTMLElement ? dom.querySelector<HTMLElement>('select, input') : null;
  if (field !== null) field.focus();
  else if (frames > 0) requestAnimationFrame(() => focusTallyField(editor, pos, frames - 1));
}

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  heading: boolean;
  subheading: boolean;
  bulletList: boolean;
  inTable: boolean;
}

/** The buttons always there: formats, the tally, a new table. */
function formatItems(editor: Editor, state: ToolbarState, t: Messages): ToolbarItem[] {
  const chain = () => editor.chain().focus();
  return [
    { id: 'bold', label: t.toolbar.bold, active: state.bold, run: () => chain().toggleBold().run(), content: 'B', className: 'is-bold' },
    { id: 'italic', label: t.toolbar.italic, active: state.italic, run: () => chain().toggleItalic().run(), content: 'I', className: 'is-italic' },
    { id: 'heading', label: t.toolbar.heading, active: state.heading, run: () => chain().toggleHeading({ level: 2 }).run(), content: '1.' },
    { id: 'subheading', label: t.toolbar.subheading, active: state.subheading, run: () => chain().toggleHeading({ level: 3 }).run(), content: 'a)' },
    { id: 'bulletList', label: t.toolbar.bulletList, active: state.bulletList, run: () => chain().toggleBulletList().run(), content: '•' },
    {
      id: 'tally',
      label: t.toolbar.insertTally,
      // From the keyboard, the focus goes on to the new tally's first field: what is filled in next.
      run: (keyboard) => {
        const pos = insertTally(editor);
        if (keyboard && pos !== null) focusTallyField(editor, pos);
      },
      content: <TallyIcon />,
      className: 'is-tally',
      testId: 'insert-tally',
    },
    // Tables are not nested: inside one, the button is there but does nothing.
    { id: 'table', label: t.toolbar.insertTable, disabled: state.inTable, run: () => insertTable(editor), content: <TableIcon />, testId: 'insert-table' },
  ];
}

/** The buttons of the table holding the caret. */
function tableItems(editor: Editor, t: Messages): ToolbarItem[] {
  return TABLE_ACTIONS.map((action) => ({
    id: action,
    label: t.toolbar[action],
    run: () => runTableAction(editor, action),
    content: <TableActionIcon action={action} />,
    testId: `table-${action}`,
  }));
}

/** Alt+F10 in the section's text (or a field of its tallies) focuses the toolbar's tab stop. */
function useToolbarShortcut(editor: Editor, toolbar: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.key !== 'F10' || editor.isDestroyed) return;
      const text: unknown = editor.view.dom;
      if (!(text instanceof HTMLElement) || !(event.target instanceof Node) || !text.contains(event.target)) return;
      event.preventDefault();
      toolbar.current?.querySelector<HTMLButtonElement>('[data-toolbar-item][tabindex="0"]')?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor, toolbar]);
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

/** The arrow keys, Home and End between the buttons; Esc back to the text. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>, editor: Editor): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    editor.commands.focus();
    return;
  }
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-toolbar-item]')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  let next: number;
  if (NEXT_KEYS.has(event.key)) next = at >= last ? 0 : at + 1;
  else if (PREVIOUS_KEYS.has(event.key)) next = at <= 0 ? last : at - 1;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = last;
  else return;
  event.preventDefault();
  buttons[next]?.focus();
}

/** The label of the section the editor writes (its `aria-label`), to tell the toolbars apart. */
function sectionLabel(editor: Editor): string | null {
  const attributes: unknown = editor.options.editorProps.attributes;
  const label = typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, unknown>)['aria-label'] : null;
  return typeof label === 'string' ? label : null;
}

/** The toolbar of one section editor; see the module comment. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const toolbar = useRef<HTMLDivElement>(null);
  const [tabStop, setTabStop] = useState('bold');
  const [focusWithin, setFocusWithin] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      focused: current.isFocused,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      subheading: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      inTable: current.isActive('table'),
    }),
  });
  useToolbarShortcut(editor, toolbar);
  const formats = formatItems(editor, state, t);
  const table = state.inTable ? tableItems(editor, t) : [];
  // The tab stop is the button last focused, or the first one when that button is gone (the table's).
  const stop = [...formats, ...table].some((item) => item.id === tabStop) ? tabStop : 'bold';
  const button = (item: ToolbarItem) => <ToolbarButton key={item.id} item={item} tabStop={item.id === stop} onFocusItem={setTabStop} />;
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setFocusWithin(false);
  };
  const section = sectionLabel(editor);
  return (
    <div
      ref={toolbar}
      className={`editor-toolbar ${state.focused || focusWithin ? 'is-visible' : ''}`}
      role="toolbar"
      aria-label={section === null ? t.toolbar.label : `${t.toolbar.label}: ${section}`}
      aria-keyshortcuts={TOOLBAR_SHORTCUT}
      title={t.toolbar.keyboardHint}
      data-testid="editor-toolbar"
      onKeyDown={(event) => moveFocus(event, editor)}
      onFocus={() => setFocusWithin(true)}
      onBlur={leave}
    >
      {formats.map(button)}
      {table.length > 0 ? (
        <div className="toolbar-group" role="group" aria-label={t.toolbar.tableGroup}>
          {table.map(button)}
        </div>
      ) : null}
    </div>
  );
}
