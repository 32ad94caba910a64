/** The formatting buttons of the focused section: bold, italic, numbered item "1.", point "a)", bullets. */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MouseEvent, ReactNode } from 'react';
import { useT } from '../i18n/locale.js';

interface ToolbarButtonProps {
  label: string;
  active: boolean;
  onPress(): void;
  children: ReactNode;
  className?: string;
}

function ToolbarButton({ label, active, onPress, children, className }: ToolbarButtonProps) {
  // mousedown, not click: the editor keeps its focus and selection.
  const press = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    onPress();
  };
  return (
    <button
      type="button"
      className={`toolbar-button ${className ?? ''} ${active ? 'is-active' : ''}`}
      title={label}
      aria-label={label}
      aria-pressed={active}
      onMouseDown={press}
    >
      {children}
    </button>
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
    </div>
  );
}
