/**
 * The editor's ProseMirror schema, shared by the browser editor and the server (which writes a report's
 * starting content into its rooms and, later, reads rooms back for the export).
 *
 * Node names are StarterKit's (CONTRACT.md, "Rooms"). Inside a section, heading level 2 is a numbered item
 * ("1. Title") and level 3 a lettered one ("a) …"); the section's own heading ("I. TITLE") is metadata of
 * the report, not a node. Tables are TipTap's (`table` > `tableRow` > `tableHeader` | `tableCell`, each
 * cell holding blocks); a header row is a row of `tableHeader` cells.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Heading from '@tiptap/extension-heading';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { AwardRow, AwardTally } from './tallyNodes.js';

/** Heading levels allowed inside a section body. */
export const SECTION_HEADING_LEVELS = [2, 3] as const;

/**
 * The level a pasted `<h1>`…`<h6>` takes: its own when the section allows it, else the nearest allowed one
 * (a Word "Heading 1" becomes an item "1.", anything below "Heading 3" a point "a)").
 */
export function sectionHeadingLevel(level: number): (typeof SECTION_HEADING_LEVELS)[number] {
  const [first, last] = [SECTION_HEADING_LEVELS[0], SECTION_HEADING_LEVELS[SECTION_HEADING_LEVELS.length - 1]!];
  return Math.min(Math.max(level, first), last) as (typeof SECTION_HEADING_LEVELS)[number];
}

/** The extensions that define the schema. The client adds collaboration and caret extensions on top. */
export function schemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Undo is per user and comes from the collaboration extension; StarterKit's history would undo
      // other people's typing.
      undoRedo: false,
      heading: false,
      codeBlock: false,
      code: false,
      // Each client would append its own empty paragraph at the same moment; the server's starting
      // content already ends in one.
      trailingNode: false,
    }),
    // A heading that arrives without a level is a numbered item ("1."), never a level-1 title: level 1
    // is not used inside a section.
    Heading.extend({
      addAttributes() {
        return { level: { default: SECTION_HEADING_LEVELS[0], rendered: false } };
      },
      // Pasted headings keep their level as far as the section allows (issue 12, item 2): without these
      // rules an <h1> from Word or a web page would arrive as a plain paragraph.
      parseHTML() {
        return [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: sectionHeadingLevel(level) } }));
      },
    }).configure({ levels: [...SECTION_HEADING_LEVELS] }),
    // Before the tables: its parse rules (`table[data-award-tally]`) must win over the plain `table` rule.
    AwardTally,
    AwardRow,
    // `resizable` only matters in the editor (column widths are stored in the cells' `colwidth`, which the
    // export reads); the server uses the schema alone.
    Table.configure({ resizable: true }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

/** The ProseMirror schema of a section body. */
export const sectionSchema = getSchema(schemaExtensions());

/** A ProseMirror document as JSON, the shape stored templates and transforms use. */
export interface ProseMirrorJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorJSON[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}
