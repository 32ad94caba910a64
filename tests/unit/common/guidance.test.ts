/**
 * Guidance is a placeholder, not text (issue 12, item 1): the guidance of each place of a report, and how
 * guidance a report still holds as text is recognised and left out (common/guidance.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProseMirrorJSON } from '../../../common/editorSchema.js';
import { guidanceOf, isGuidanceText, offsetWithout, reportGuidance, withoutGuidance } from '../../../common/guidance.js';
import { templateSchema, type Template } from '../../../common/template.js';

const template: Template = templateSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../templates/bao-cao-so-ket.json'), 'utf8')));
const FIRST_HINT = 'Nêu các chỉ thị, quyết định, kế hoạch đã ban hành hoặc làm căn cứ (số, ngày, cơ quan ban hành, trích yếu).';
const italic = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });
const plain = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): ProseMirrorJSON => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });

describe('isGuidanceText', () => {
  it('knows a part’s guidance as a whole paragraph, however it is spaced or composed', () => {
    expect(isGuidanceText(template, 'tham-muu', FIRST_HINT)).toBe(true);
    expect(isGuidanceText(template, 'tham-muu', `  ${FIRST_HINT.replace(' ', '   ')}\n`)).toBe(true);
    expect(isGuidanceText(template, 'tham-muu', FIRST_HINT.normalize('NFD'))).toBe(true);
  });

  it('knows a section’s own guidance and the opening paragraphs’ (section null)', () => {
    expect(isGuidanceText(template, 'kien-nghi', template.sections[3]!.guidance!)).toBe(true);
    expect(isGuidanceText(template, null, template.preambleGuidance!)).toBe(true);
  });

  it('does not take text that only contains guidance, another section’s guidance, or nothing', () => {
    expect(isGuidanceText(template, 'tham-muu', `${FIRST_HINT} Đã ban hành 3 kế hoạch.`)).toBe(false);
    expect(isGuidanceText(template, 'ket-qua', FIRST_HINT)).toBe(false);
    expect(isGuidanceText(template, null, FIRST_HINT)).toBe(false);
    expect(isGuidanceText(template, 'tham-muu', '')).toBe(false);
    expect(isGuidanceText(template, 'khong-co', FIRST_HINT)).toBe(false);
  });
});

describe('guidanceOf and reportGuidance', () => {
  it('gives each place its lead and its parts, as plain data', () => {
    expect(guidanceOf(template, 'kien-nghi')).toEqual({ lead: template.sections[3]!.guidance, parts: [] });
    expect(guidanceOf(template, 'danh-gia').parts.map((part) => part.heading)).toEqual(['Thuận lợi', 'Khó khăn, hạn chế']);
    const guidance = reportGuidance(template);
    expect(Object.keys(guidance.sections)).toEqual(['tham-muu', 'ket-qua', 'danh-gia', 'kien-nghi']);
    expect(JSON.parse(JSON.stringify(guidance))).toEqual(guidance);
  });
});

describe('withoutGuidance', () => {
  const place = guidanceOf(template, 'tham-muu');

  it('empties the paragraphs that are guidance and says where their text stood', () => {
    const body: ProseMirrorJSON = { type: 'doc', content: [heading('Một'), italic(FIRST_HINT), plain('Văn bản.'), italic(FIRST_HINT)] };
    const free = withoutGuidance(body, place);
    expect(free.body.content).toEqual([heading('Một'), { type: 'paragraph' }, plain('Văn bản.'), { type: 'paragraph' }]);
    const start = 'Một'.length;
    const second = start + FIRST_HINT.length + 'Văn bản.'.length;
    expect(free.removed).toEqual([
      [start, start + FIRST_HINT.length],
      [second, second + FIRST_HINT.length],
    ]);
  });

  it('leaves a body without guidance as it is (the same object)', () => {
    const body: ProseMirrorJSON = { type: 'doc', content: [plain('Văn bản.')] };
    expect(withoutGuidance(body, place).body).toBe(body);
    expect(withoutGuidance({ type: 'paragraph' }, place).removed).toEqual([]);
  });

  it('moves offsets over the removed text; one inside it goes to where it was', () => {
    const removed = [[3, 10], [20, 25]] as const;
    expect(offsetWithout(removed, 2)).toBe(2);
    expect(offsetWithout(removed, 3)).toBe(3);
    expect(offsetWithout(removed, 7)).toBe(3);
    expect(offsetWithout(removed, 10)).toBe(3);
    expect(offsetWithout(removed, 15)).toBe(8);
    expect(offsetWithout(removed, 30)).toBe(18);
  });
});
