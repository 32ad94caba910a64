import { describe, expect, it } from 'vitest';
import { SECTION_HEADING_LEVELS, sectionSchema } from '../../../common/editorSchema.js';

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
});
