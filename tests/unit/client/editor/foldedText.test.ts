/** Accent-insensitive search in a document (client/src/editor/navigation/foldedText.ts). */
import { describe, expect, it } from 'vitest';
import { sectionSchema } from '../../../../common/editorSchema.js';
import { findMatches, foldText } from '../../../../client/src/editor/navigation/foldedText.js';

const doc = (...paragraphs: string[]) =>
  sectionSchema.nodeFromJSON({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const found = (node: ReturnType<typeof doc>, query: string) => findMatches(node, query).map(({ from, to }) => node.textBetween(from, to));

describe('foldText', () => {
  it('drops accents and tone marks, reads đ as d, ignores case', () => {
    expect(foldText('Điển hình TIÊN TIẾN')).toBe('dien hinh tien tien');
    expect(foldText('Nguye\u0302\u0303n')).toBe('nguyen');
  });
});

describe('findMatches', () => {
  it('finds "Dien hinh" in "Điển hình" and "dien" in "Điện", mapped to the text as written', () => {
    const node = doc('Gương điển hình tiên tiến; Điện lực và Điển hình.');
    expect(found(node, 'Dien hinh')).toEqual(['điển hình', 'Điển hình']);
    expect(found(node, 'dien')).toEqual(['điển', 'Điện', 'Điển']);
  });

  it('finds a query typed with accents in text written without, and each match once', () => {
    expect(found(doc('dien hinh, dien hinh'), 'Điển hình')).toEqual(['dien hinh', 'dien hinh']);
    expect(found(doc('aaaa'), 'aa')).toEqual(['aa', 'aa']);
  });

  it('covers the marks of decomposed text with their letter, and never spans two paragraphs', () => {
    expect(found(doc('Nguye\u0302\u0303n Văn'), 'nguyen')).toEqual(['Nguye\u0302\u0303n']);
    expect(found(doc('điển', 'hình'), 'điển hình')).toEqual([]);
  });

  it('finds nothing for a blank query', () => {
    expect(findMatches(doc('văn bản'), '  ')).toEqual([]);
  });
});
