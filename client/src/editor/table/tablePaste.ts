/**
 * Pasting tables and headings into a section (issue 12, item 2). The shared schema reads tables and maps
 * `<h1>`…`<h6>` to the section's heading levels (common/editorSchema.ts); this extension tidies what Word
 * puts on the clipboard first (wordHtml.ts), and keeps a pasted heading a heading where the caret is in
 * text: ProseMirror opens a pasted slice at its start, which would pour the first heading's text into the
 * paragraph at the caret. Add it to every section editor.
 */
import { Extension } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import './table.css';
import { tidyWordHtml } from './wordHtml.js';

/**
 * `slice` closed at its start when it holds several blocks and begins with a heading: the heading then goes
 * in as a block of its own. A single heading (part of one, copied) still goes in as text.
 */
export function keepLeadingHeading(slice: Slice): Slice {
  const first = slice.content.firstChild;
  if (slice.openStart === 0 || slice.content.childCount < 2 || first?.type.name !== 'heading') return slice;
  return new Slice(slice.content, 0, slice.openEnd);
}

export const TablePaste = Extension.create({
  name: 'tablePaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('tablePaste'),
        props: {
          transformPastedHTML: (html) => tidyWordHtml(html),
          transformPasted: (slice) => keepLeadingHeading(slice),
        },
      }),
    ];
  },
});
