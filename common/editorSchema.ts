/**
 * The editor's ProseMirror schema, shared by the browser editor and the server (which writes a report's
 * starting content into its rooms and, later, reads rooms back for the export).
 *
 * Node names are StarterKit's (CONTRACT.md, "Rooms"). Inside a section, heading level 2 is a numbered item
 * ("1. Title") and level 3 a lettered one ("a) …"); the section's own heading ("I. TITLE") is metadata of
 * the report, not a node.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Heading from '@tiptap/extension-heading';
import { AwardRow, AwardTally } from './tallyNodes.js';

/** Heading levels allowed inside a section body. */
export const SECTION_HEADING_LEVELS = [2, 3] as const;

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
    }).configure({ levels: [...SECTION_HEADING_LEVELS] }),
    AwardTally,
    AwardRow,
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
