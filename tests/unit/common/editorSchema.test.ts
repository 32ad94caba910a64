import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SECTION_HEADING_LEVELS, sectionHeadingLevel, sectionSchema } from '../../../common/editorSchema.js';

describe('sectionSchema', () => {
  it('names its nodes as StarterKit does (CONTRACT.md, "Rooms")', () => {
    expect(Object.keys(sectionSchema.nodes)).toEqual(
      expect.arrayContaining(['doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'hardBreak']),
    );
    expect(sectionSchema.topNodeType.name).toBe('doc');
  });

  it('has no code blocks or inline code, which official reports do not use', () => {
    expect(sectionSchema.nodes.codeBlock).toBeUndefined();
    expect(sectionSchema.marks.code).toBeUndefined();
  });

  it('has the marks a report body uses', () => {
    expect(Object.keys(sectionSchema.marks)).toEqual(expect.arrayContaining(['bold', 'italic', 'underline']));
  });

  it('numbers items with heading levels 2 and 3 only', () => {
    expect(SECTION_HEADING_LEVELS).toEqual([2, 3]);
  });

  it('refuses a node type it does not know', () => {
    expect(() => sectionSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'codeBlock' }] })).toThrow(/codeBlock/);
  });

  it('makes a heading that arrives without a level a numbered item (level 2), not a level-1 title', () => {
    const doc = sectionSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'heading', content: [{ type: 'text', text: 'Thuận lợi' }] }] });
    expect(doc.firstChild?.attrs.level).toBe(2);
  });

  it('has TipTap’s table nodes, a header row being a row of header cells', () => {
    expect(Object.keys(sectionSchema.nodes)).toEqual(expect.arrayContaining(['table', 'tableRow', 'tableHeader', 'tableCell']));
    expect(sectionSchema.nodes.table!.spec.tableRole).toBe('table');
    expect(sectionSchema.nodes.tableHeader!.spec.tableRole).toBe('header_cell');
    expect(sectionSchema.nodes.tableCell!.spec.content).toBe('block+');
  });

  it('reads a table back from a room as it was written, spans and column widths included', () => {
    const cell = (type: string, text: string, attrs: Record<string, unknown> = {}) => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, ...attrs },
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const table = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Đơn vị', { colwidth: [120] }), cell('tableHeader', 'Số lượng')] },
        { type: 'tableRow', content: [cell('tableCell', 'Xã Tân Mỹ và Xã Bình Thành', { colspan: 2, colwidth: [120, 80] })] },
      ],
    };
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(sectionSchema, { type: 'doc', content: [table] }, doc.getXmlFragment('body'));
    const read = sectionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment('body'))).toJSON();
    expect(read).toEqual({ type: 'doc', content: [table] });
    doc.destroy();
  });

  it('keeps a pasted heading’s level where a section allows it, and takes the nearest one where it does not', () => {
    expect([1, 2, 3, 4, 5, 6].map(sectionHeadingLevel)).toEqual([2, 2, 3, 3, 3, 3]);
  });
});
