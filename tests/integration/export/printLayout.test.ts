/**
 * The export as printed (issue 12): the demo report's Word file as the server exports it, and a report made
 * of the hard cases (tests/fixtures/export/printCases.ts), laid out by LibreOffice and read back with poppler
 * — the boxes of every line's glyphs (`pdftotext -bbox-layout`) and, for the draft mark's box, the ink.
 *
 * Lines: poppler's glyph boxes reach 0.95 em above the baseline and 0.35 em below (support/pdfLayout.ts);
 * boxes that do not overlap keep stacked marks 0.07 em clear of the line above. The tolerance, 0.25 pt, is
 * for rounding — LibreOffice lays out in twips (0.05 pt) and the coordinates come back through its PDF and
 * poppler — and is 0.02 em at 13 pt, so the inks of two passing lines are still 0.05 em apart.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../server/export/buildDocx.js';
import { MARGIN } from '../../../server/export/layout.js';
import { loadAwardCatalogue } from '../../../server/templates/loadAwardCatalogue.js';
import { printCasesInput, QUOTED_NAME, SYMBOLS } from '../../fixtures/export/printCases.js';
import { convertWithLibreOffice, pdfInfo } from './support/docxFile.js';
import { downloadExport, startDemoServer } from './support/exportServer.js';
import { collidingLines, darkInRow, greyImage, pdfLayout, type Box, type PdfLine, type PdfPage } from './support/pdfLayout.js';

/** Points a line's glyph box may reach into the next one's: rounding only (see above). */
const TOLERANCE_PT = 0.25;
/** The least room between the draft mark's ink and its box, in points. */
const BOX_PADDING_PT = 1;
/** Where the top margin ends, in points: the page number is above it. */
const TOP_MARGIN_PT = MARGIN.top / 20;

interface Printed {
  pdf: string;
  pages: PdfPage[];
  pageSize: string;
  cleanup(): Promise<void>;
}

async function print(bytes: Uint8Array, name: string): Promise<Printed> {
  const { pdf, cleanup } = await convertWithLibreOffice(bytes, name);
  try {
    return { pdf, pages: await pdfLayout(pdf), pageSize: (await pdfInfo(pdf)).pageSize, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

const allLines = (printed: Printed) => printed.pages.flatMap((page) => page.lines);
const describeLine = (line: PdfLine) => `"${line.text}" (y ${line.yMin.toFixed(1)}–${line.yMax.toFixed(1)})`;

/** A line's end that cuts a number or a symbol: "47-", "15/KH-", "KH/". */
const CUT_AT_END = /[\p{Lu}\p{N}][-‑/]$/u;

/**
 * The draft mark's box, measured in ink: the border rows (dark across the whole width of the words) nearest
 * above and below the words, and the rows of ink between them.
 */
async function draftBoxInk(printed: Printed): Promise<{ above: number; below: number; outside: number }> {
  const line = printed.pages[0]!.lines.find((candidate) => candidate.text === 'DỰ THẢO');
  if (!line) throw new Error('no "DỰ THẢO" line on page 1');
  const area: Box = { xMin: line.xMin, yMin: Math.max(0, line.yMin - 12), xMax: line.xMax, yMax: line.yMax + 12 };
  const image = await greyImage(printed.pdf, 1, area);
  const across = (line.xMax - line.xMin) * image.scale;
  const dark = Array.from({ length: image.height }, (_, row) => darkInRow(image, row, line.xMin, line.xMax));
  const middle = Math.round(((line.yMin + line.yMax) / 2 - image.top) * image.scale);
  const border = (row: number) => dark[row]! >= 0.9 * across;
  let top = middle;
  while (top >= 0 && !border(top)) top--;
  let bottom = middle;
  while (bottom < image.height && !border(bottom)) bottom++;
  if (top < 0 || bottom >= image.height) throw new Error('no border above and below "DỰ THẢO"');
  const ink = dark.map((count, row) => (row > top && row < bottom && count > 0 ? row : -1)).filter((row) => row >= 0);
  // Past the border's own rows (it is 0.75 pt thick), any dark pixel is ink outside the box.
  let outerTop = top;
  while (outerTop > 0 && border(outerTop - 1)) outerTop--;
  let outerBottom = bottom;
  while (outerBottom < image.height - 1 && border(outerBottom + 1)) outerBottom++;
  // The glyphs' reach (support/pdfLayout.ts): up to 1.007 em above the baseline, 0.22 em below it.
  const em = (line.yMax - line.yMin) / 1.3;
  const baseline = line.yMax - 0.35 * em;
  const reach = { from: (baseline - 1.01 * em - image.top) * image.scale, to: (baseline + 0.23 * em - image.top) * image.scale };
  const outside = dark.filter((count, row) => (row < outerTop || row > outerBottom) && row >= reach.from && row <= reach.to && count > 0).length;
  return { above: (ink[0]! - top - 1) / image.scale, below: (bottom - ink[ink.length - 1]! - 1) / image.scale, outside };
}

describe.each([
  ['the demo report, exported by the server', 'demo'],
  ['the report of hard cases', 'cases'],
] as const)('%s, printed by LibreOffice', (_title, which) => {
  let printed: Printed;
  let stop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    let bytes: Uint8Array;
    if (which === 'demo') {
      const demo = await startDemoServer();
      stop = () => demo.server.close();
      bytes = await downloadExport(demo.server.url, demo.server.adminCookie, demo.report.id);
    } else {
      const catalogue = (await loadAwardCatalogue(resolve(import.meta.dirname, '../../../templates'))).catalogue;
      bytes = await buildDocx(printCasesInput(), catalogue);
    }
    printed = await print(bytes, which);
  }, 180_000);

  afterAll(async () => {
    await printed?.cleanup();
    await stop();
  });

  it('is on A4 pages, more than one', () => {
    expect(printed.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(printed.pages.length).toBeGreaterThanOrEqual(2);
    for (const page of printed.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
  });

  it('never sets a line’s glyphs into the line above: stacked marks stay clear ("CHỦ" under "BAN")', () => {
    const collisions = printed.pages.flatMap((page) => collidingLines(page, TOLERANCE_PT));
    expect(
      collisions.map(({ page, upper, lower, overlap }) => `page ${page}: ${describeLine(upper)} over ${describeLine(lower)} by ${overlap.toFixed(2)} pt`),
    ).toEqual([]);
    // The lines the issue saw collide are there, each on a line of its own.
    const texts = allLines(printed).map((line) => line.text);
    for (const expected of ['ỦY BAN NHÂN DÂN', 'HUYỆN LẤP VÒ', 'TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH']) expect(texts).toContain(expected);
  });

  it('boxes "DỰ THẢO" with room around its marks, none of its ink on or outside the border', async () => {
    const { above, below, outside } = await draftBoxInk(printed);
    expect(outside).toBe(0);
    expect(above).toBeGreaterThanOrEqual(BOX_PADDING_PT);
    expect(below).toBeGreaterThanOrEqual(BOX_PADDING_PT);
  });

  it('never starts a line with "%" nor ends one inside a number or a symbol ("47-", "KH/")', () => {
    const lines = allLines(printed);
    expect(lines.filter((line) => /^[%‰]/.test(line.text)).map(describeLine)).toEqual([]);
    expect(lines.filter((line) => CUT_AT_END.test(line.text)).map(describeLine)).toEqual([]);
  });

  it('keeps the quoted name of the subject on one line', () => {
    const name = which === 'demo' ? '“Tuyên truyền gương điển hình tiên tiến”' : QUOTED_NAME;
    expect(printed.pages[0]!.lines.some((line) => line.text.includes(name))).toBe(true);
  });

  it('numbers every page but the first at its top', () => {
    const numbersAtTop = (page: PdfPage) => page.lines.filter((line) => line.yMax < TOP_MARGIN_PT && /^\d+$/.test(line.text)).map((line) => line.text);
    expect(numbersAtTop(printed.pages[0]!)).toEqual([]);
    for (const page of printed.pages.slice(1)) expect(numbersAtTop(page), `page ${page.number}`).toEqual([String(page.number)]);
  });

  if (which === 'cases') {
    it('prints "47 %" and every symbol whole wherever the line ends', () => {
      const lines = allLines(printed).map((line) => line.text);
      const whole = (text: string) => lines.filter((line) => line.includes(text)).length;
      // Every sweep paragraph has "47 %" twice and each symbol once; the preamble has one more "30/2020/NĐ-CP".
      expect(lines.join('\n').match(/47 %/g)?.length).toBeGreaterThanOrEqual(2 * 48);
      for (const symbol of SYMBOLS) expect(whole(symbol), symbol).toBeGreaterThanOrEqual(48);
      expect(lines).toContain('Số: 05/KH-UBND');
    });
  }
});
