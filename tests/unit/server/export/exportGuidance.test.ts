/**
 * The export reads a body without the guidance it still holds as text (server/export/exportGuidance.ts),
 * and moves the review's comment ranges to the text that is left.
 */
import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '../../../../common/editorSchema.js';
import type { PlaceGuidance } from '../../../../common/guidance.js';
import { bodyWithoutGuidance } from '../../../../server/export/exportGuidance.js';
import type { AnchoredComment } from '../../../../server/export/exportModel.js';

const HINT = 'Nêu những thuận lợi.';
const place: PlaceGuidance = { parts: [{ heading: 'Thuận lợi', guidance: HINT }] };
const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body: ProseMirrorJSON = { type: 'doc', content: [paragraph(HINT), paragraph('Đã làm tốt.')] };
const comment = (range: AnchoredComment['range']): AnchoredComment => ({ id: 0, author: 'A', initials: 'A', date: null, paragraphs: ['x'], range });

describe('bodyWithoutGuidance', () => {
  it('empties the guidance paragraphs', () => {
    expect(bodyWithoutGuidance(body, place).body.content).toEqual([{ type: 'paragraph' }, paragraph('Đã làm tốt.')]);
  });

  it('moves a comment on the text after the guidance back by the guidance’s length', () => {
    const start = HINT.length;
    const [moved] = bodyWithoutGuidance(body, place, [comment({ from: start + 3, to: start + 7 })]).comments!;
    expect(moved!.range).toEqual({ from: 3, to: 7 });
  });

  it('pins a comment that covered only guidance to the section heading (no range)', () => {
    const [moved] = bodyWithoutGuidance(body, place, [comment({ from: 0, to: 4 })]).comments!;
    expect(moved!.range).toBeNull();
  });

  it('leaves everything as it is without guidance', () => {
    const comments = [comment({ from: 1, to: 2 })];
    expect(bodyWithoutGuidance(body, undefined, comments)).toEqual({ body, comments });
  });
});
