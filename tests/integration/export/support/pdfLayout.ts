/**
 * A PDF's laid-out text and ink, for checks of the printed page (issue 12): the lines and words poppler finds
 * with their boxes (`pdftotext -bbox-layout`), and a page's pixels in grey (`pdftoppm -gray`).
 *
 * The box poppler gives a glyph does not come from the glyph's own outline: LibreOffice writes no ascent or
 * descent in its PDF fonts, so poppler uses its defaults, 0.95 em above the baseline and 0.35 em below. For
 * Liberation Serif (Times New Roman's metrics), whose tallest Vietnamese capital ("Ẫ", stacked marks)
 * reaches 1.007 em and whose dot below and descenders go 0.22 em down, two lines whose boxes do not overlap
 * leave at least 1.3 − 1.007 − 0.22 = 0.07 em between their inks.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A box in PDF points, y growing downwards from the page's top (as pdftotext writes it). */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfWord extends Box {
  text: string;
}

export interface PdfLine extends Box {
  words: PdfWord[];
  /** The words joined by single spaces. */
  text: string;
}

export interface PdfPage {
  /** From 1. */
  number: number;
  width: number;
  height: number;
  /** In the order poppler found them (its flows, blocks, then lines). */
  lines: PdfLine[];
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/** No-break spaces and hyphens read as the space and hyphen they print. */
const printedText = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ').replace(/[\u2010\u2011]/g, '-');

function boxOf(attributes: string): Box {
  const read = (name: string) => Number(new RegExp(`${name}="([-0-9.]+)"`).exec(attributes)?.[1] ?? NaN);
  return { xMin: read('xMin'), yMin: read('yMin'), xMax: read('xMax'), yMax: read('yMax') };
}

/** `pdftotext -bbox-layout` output read into pages of lines of words. */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  for (const page of xhtml.matchAll(/<page width="([0-9.]+)" height="([0-9.]+)">([\s\S]*?)<\/page>/g)) {
    const lines = [...page[3]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((line): PdfLine => {
      const words = [...line[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((word) => ({ ...boxOf(word[1]!), text: printedText(decode(word[2]!)) }));
      return { ...boxOf(line[1]!), words, text: words.map((word) => word.text).join(' ') };
    });
    pages.push({ number: pages.length + 1, width: Number(page[1]), height: Number(page[2]), lines });
  }
  return pages;
}

/** Every page of `pdf` with its lines and words. */
export async function pdfLayout(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return parseBboxLayout(stdout);
}

const overlapsAcross = (a: Box, b: Box) => a.xMin < b.xMax && b.xMin < a.xMax;

/** Two lines on top of each other in a column: `upper` the nearest line above `lower` that shares some width. */
export interface LineCollision {
  page: number;
  upper: PdfLine;
  lower: PdfLine;
  /** How far `upper`'s box reaches into `lower`'s, in points. */
  overlap: number;
}

/**
 * For each line, the nearest line above it that shares part of its width (the line before it in its
 * column, whichever block poppler put either in); those whose boxes overlap by more than `tolerance` points.
 * Lines on the same baseline (side by side in two columns, or one line poppler split) are not compared.
 */
export function collidingLines(page: PdfPage, tolerance: number): LineCollision[] {
  const collisions: LineCollision[] = [];
  for (const lower of page.lines) {
    const above = page.lines.filter((line) => line !== lower && line.yMax < lower.yMax - 1 && overlapsAcross(line, lower));
    if (above.length === 0) continue;
    const upper = above.reduce((nearest, line) => (line.yMax > nearest.yMax ? line : nearest));
    const overlap = upper.yMax - lower.yMin;
    if (overlap > tolerance) collisions.push({ page: page.number, upper, lower, overlap });
  }
  return collisions;
}

/** A rectangle of a page in grey levels, 0 black to 255 white, `scale` pixels a point. */
export interface GreyImage {
  width: number;
  height: number;
  scale: number;
  /** Where the image's top left corner is on the page, in points. */
  left: number;
  top: number;
  pixels: Uint8Array;
}

/** The part `box` (points) of page `page`, rendered in grey at `scale` pixels a point (`pdftoppm -gray`). */
export async function greyImage(pdf: string, page: number, box: Box, scale = 4): Promise<GreyImage> {
  const x = Math.floor(box.xMin * scale);
  const y = Math.floor(box.yMin * scale);
  const width = Math.ceil((box.xMax - box.xMin) * scale);
  const height = Math.ceil((box.yMax - box.yMin) * scale);
  const args = ['-gray', '-r', String(72 * scale), '-f', String(page), '-l', String(page), '-x', String(x), '-y', String(y), '-W', String(width), '-H', String(height), pdf];
  const { stdout } = await run('pdftoppm', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  // A binary PGM: "P5", width, height, the largest value, one whitespace, then the pixels row by row.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(stdout.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('pdftoppm did not write an 8-bit grey PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = new Uint8Array(stdout.subarray(header[0].length, header[0].length + w * h));
  return { width: w, height: h, scale, left: x / scale, top: y / scale, pixels };
}

/** How many dark pixels (below mid-grey) row `row` has between the columns of `fromX` and `toX` (points). */
export function darkInRow(image: GreyImage, row: number, fromX: number, toX: number): number {
  const from = Math.max(0, Math.round((fromX - image.left) * image.scale));
  const to = Math.min(image.width, Math.round((toX - image.left) * image.scale));
  let dark = 0;
  for (let column = from; column < to; column++) if (image.pixels[row * image.width + column]! < 128) dark++;
  return dark;
}
