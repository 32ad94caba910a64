/**
 * The formatting buttons of the focused section: bold, italic, numbered item "1.", point "a)", bullets —
 * and the award tally, inserted after the current paragraph.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MouseEvent, ReactNode } from 'react';
import { useT } from '../i18n/locale.js';
import { insertTally } from './tally/tallyEdits.js';

interface ToolbarButtonProps {
  label: string;
  /** For toggles: whether the format is on. Left out for actions. */
  active?: boolean;
  onPress(): void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

function ToolbarButton({ label, active, onPress, children, className, testId }: ToolbarButtonProps) {
  // mousedown, not click: the editor keeps its focus and selection.
  const press = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    onPress();
  };
  return (
    <button
      type="button"
      className={`toolbar-button ${className ?? ''} ${active === true ? 'is-active' : ''}`}
      title={label}
      aria-label={label}
      aria-pressed={active}
      data-testid={testId}
      onMouseDown={press}
    >
      {children}
    </button>
  );
}

/** A small table with a total row. */
function TallyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M1.5 2.5h13v11h-13zM1.5 6h13M1.5 9.5h13M6 2.5v11" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <path d="M1.5 9.5h13v4h-13z" fill="currentColor" opacity="0.25" />
    </svg>
  );
}

/** The toolbar of one section editor; hidden (but keeping its space) while the editor is not focused. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      focused: current.isFocused,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      subheading: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className={`editor-toolbar ${state.focused ? 'is-visible' : ''}`} role="toolbar" aria-label={t.toolbar.label}>
      <ToolbarButton label={t.toolbar.bold} active={state.bold} onPress={() => chain().toggleBold().run()} className="is-bold">
        B
      </ToolbarButton>
      <ToolbarButton label={t.toolbar.italic} active={state.italic} onPress={() => chain().toggleItalic().run()} className="is-italic">
        I
      </ToolbarButton>
      <ToolbarButton label={t.toolbar.heading} active={state.heading} onPress={() => chain().toggleHeading({ level: 2 }).run()}>
        1.
      </ToolbarButton>
      <ToolbarButton label={t.toolbar.subheading} active={state.subheading} onPress={() => chain().toggleHeading({ level: 3 }).run()}>
        a)
      </ToolbarButton>
      <ToolbarButton label={t.toolbar.bulletList} active={state.bulletList} onPress={() => chain().toggleBulletList().run()}>
        •
      </ToolbarButton>
      <ToolbarButton label={t.toolbar.insertTally} onPress={() => insertTally(editor)} className="is-tally" testId="insert-tally">
        <TallyIcon />
      </ToolbarButton>
    </div>
  );
}
