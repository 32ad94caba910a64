/**
 * Where the editor draws guidance (client/src/editor/placeholders/placeholderPlaces.ts): in a part's empty
 * paragraph while the part is empty, by the part's heading or its place; and guidance held as text.
 */
import { describe, expect, it } from 'vitest';
import { sectionSchema, type ProseMirrorJSON } from '../../../../common/editorSchema.js';
import type { PlaceGuidance } from '../../../../common/guidance.js';
import { guidancePlaces } from '../../../../client/src/editor/placeholders/placeholderPlaces.js';

const place: PlaceGuidance = {
  lead: 'Hướng dẫn chung.',
  parts: [
    { heading: 'Thuận lợi', guidance: 'Nêu những thuận lợi.' },
    { heading: 'Khó khăn', guidance: 'Nêu những khó khăn.' },
    { heading: 'Không hướng dẫn' },
  ],
};
const empty: ProseMirrorJSON = { type: 'paragraph' };
const text = (value: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
const heading = (value: string, level = 2): ProseMirrorJSON => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: value }] });
const doc = (...content: ProseMirrorJSON[]) => sectionSchema.nodeFromJSON({ type: 'doc', content });
const shown = (node: ReturnType<typeof doc>) => guidancePlaces(node, place).map(({ kind, text: value }) => [kind, value]);

describe('guidancePlaces', () => {
  it('shows each part’s guidance in its empty paragraph, and the lead before the first part', () => {
    expect(shown(doc(empty, heading('Thuận lợi'), empty, heading('Khó khăn'), empty, heading('Không hướng dẫn'), empty))).toEqual([
      ['empty', 'Hướng dẫn chung.'],
      ['empty', 'Nêu những thuận lợi.'],
      ['empty', 'Nêu những khó khăn.'],
    ]);
  });

  it('stops showing a part’s guidance once the part has text, anywhere in it', () => {
    expect(shown(doc(heading('Thuận lợi'), text('Đã làm.'), heading('Khó khăn'), empty, text('Còn khó.')))).toEqual([]);
  });

  it('finds a part by its heading, else by its place when the heading was edited', () => {
    expect(shown(doc(heading('Khó khăn'), empty))).toEqual([['empty', 'Nêu những khó khăn.']]);
    expect(shown(doc(heading('Thuận lợi trong năm 2024'), empty, heading('Khó khăn, hạn chế'), empty))).toEqual([
      ['empty', 'Nêu những thuận lợi.'],
      ['empty', 'Nêu những khó khăn.'],
    ]);
  });

  it('finds guidance held as text, and whether its part has text besides', () => {
    const places = guidancePlaces(doc(heading('Thuận lợi'), text('Nêu những thuận lợi.'), heading('Khó khăn'), text('Nêu những khó khăn.'), text('Còn khó.')), place);
    expect(places.map(({ kind, text: value, partHasText }) => [kind, value, partHasText])).toEqual([
      ['legacy', 'Nêu những thuận lợi.', false],
      ['legacy', 'Nêu những khó khăn.', true],
    ]);
  });

  it('gives the positions of the paragraphs, and nothing without guidance', () => {
    const node = doc(heading('Thuận lợi'), empty);
    const [found] = guidancePlaces(node, place);
    expect(node.nodeAt(found!.pos)?.type.name).toBe('paragraph');
    expect(found!.size).toBe(2);
    expect(guidancePlaces(node, null)).toEqual([]);
  });
});
