/** The layout's numbers against the ranges of Nghị định 30/2020/NĐ-CP, Phụ lục I (ND30.md). */
import { describe, expect, it } from 'vitest';
import { MOTTO, NATIONAL_NAME } from '../../../../common/nd30Text.js';
import {
  BODY,
  FONT,
  FOOTER_COLUMNS,
  FRAME_LINE_EM,
  frameLineTwips,
  HEADER_COLUMNS,
  MARGIN,
  mm,
  PAGE,
  SHORT_RULE_FRACTION,
  SIGNATURE_SPACE_LINES,
  SIZE,
  TALLY_COLUMNS,
  TEXT_WIDTH,
} from '../../../../server/export/layout.js';
import { textWidth } from '../../../../server/export/textWidth.js';

const points = (halfPoints: number) => halfPoints / 2;

describe('the layout of the Word file', () => {
  it('is A4 portrait', () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838 });
    expect(mm(210)).toBeCloseTo(PAGE.width, -1);
    expect(mm(297)).toBeCloseTo(PAGE.height, -1);
  });

  it('has margins inside the ranges: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm', () => {
    for (const side of ['top', 'bottom'] as const) {
      expect(MARGIN[side]).toBeGreaterThanOrEqual(mm(20));
      expect(MARGIN[side]).toBeLessThanOrEqual(mm(25));
    }
    expect(MARGIN.left).toBeGreaterThanOrEqual(mm(30));
    expect(MARGIN.left).toBeLessThanOrEqual(mm(35));
    expect(MARGIN.right).toBeGreaterThanOrEqual(mm(15));
    expect(MARGIN.right).toBeLessThanOrEqual(mm(20));
    expect(MARGIN.header).toBeLessThan(MARGIN.top);
  });

  it('gives each line of the header and footer an exact height that keeps stacked marks clear of the line above', () => {
    // Liberation Serif Bold's tallest glyph reaches 1.007 em above the baseline, a dot below 0.22 em under it;
    // PDF readers' boxes are 1.3 em (the render test compares those).
    expect(FRAME_LINE_EM).toBeGreaterThanOrEqual(1.3);
    expect(FRAME_LINE_EM).toBeLessThanOrEqual(1.5);
    for (const size of [SIZE.recipients, SIZE.agency, SIZE.signature]) {
      expect(frameLineTwips(size), `${size / 2} pt`).toBeGreaterThanOrEqual(size * 10 * 1.3);
      expect(Number.isInteger(frameLineTwips(size))).toBe(true);
    }
  });

  it('sets everything in Times New Roman', () => {
    expect(FONT).toBe('Times New Roman');
  });

  it('uses sizes inside each element’s range', () => {
    const ranges: Record<keyof typeof SIZE, [number, number]> = {
      body: [13, 14],
      parentAgency: [12, 13],
      agency: [12, 13],
      numberLine: [13, 13],
      nationalName: [12, 13],
      motto: [13, 14],
      placeDate: [13, 14],
      docType: [13, 14],
      subject: [13, 14],
      recipientsLabel: [12, 12],
      recipients: [11, 11],
      signature: [13, 14],
      signerName: [13, 14],
      pageNumber: [13, 14],
      table: [13, 14],
      draftMark: [13, 14],
    };
    for (const [element, [low, high]] of Object.entries(ranges)) {
      const size = points(SIZE[element as keyof typeof SIZE]);
      expect(size, element).toBeGreaterThanOrEqual(low);
      expect(size, element).toBeLessThanOrEqual(high);
    }
  });

  it('indents the first line of body paragraphs 1–1.27 cm, spaces them at least 6 pt, and spaces lines single to 1.5', () => {
    expect(BODY.firstLineIndent).toBeGreaterThanOrEqual(mm(10));
    expect(BODY.firstLineIndent).toBeLessThanOrEqual(mm(12.7));
    expect(BODY.spacingBefore + BODY.spacingAfter).toBeGreaterThanOrEqual(6 * 20);
    expect(BODY.lineSpacing).toBeGreaterThanOrEqual(240);
    expect(BODY.lineSpacing).toBeLessThanOrEqual(360);
  });

  it('fits the header, footer and tally tables to the text column', () => {
    expect(TEXT_WIDTH).toBe(PAGE.width - MARGIN.left - MARGIN.right);
    expect(HEADER_COLUMNS[0] + HEADER_COLUMNS[1]).toBe(TEXT_WIDTH);
    expect(FOOTER_COLUMNS[0] + FOOTER_COLUMNS[1]).toBe(TEXT_WIDTH);
    expect(TALLY_COLUMNS.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('keeps the national name and the motto on one line each in the header’s right column', () => {
    expect(textWidth(NATIONAL_NAME, SIZE.nationalName, true)).toBeLessThan(HEADER_COLUMNS[1]);
    expect(textWidth(MOTTO, SIZE.motto, true)).toBeLessThan(HEADER_COLUMNS[1]);
  });

  it('draws short rules 1/3–1/2 of the text above them, and leaves about five lines for the signature', () => {
    expect(SHORT_RULE_FRACTION).toBeGreaterThanOrEqual(1 / 3);
    expect(SHORT_RULE_FRACTION).toBeLessThanOrEqual(1 / 2);
    expect(SIGNATURE_SPACE_LINES).toBeGreaterThanOrEqual(4);
    expect(SIGNATURE_SPACE_LINES).toBeLessThanOrEqual(6);
  });
});
