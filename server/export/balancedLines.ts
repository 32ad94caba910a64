/**
 * Centred lines of the frame broken where a typist would break them: an agency name too long for its
 * column as "ỦY BAN NHÂN DÂN / HUYỆN LẤP VÒ" rather than "ỦY BAN NHÂN DÂN HUYỆN / LẤP VÒ", a subject as
 * two lines of about the same length. The fewest lines that fit, as even as they can be.
 */
import { LINE_BALANCE } from './layout.js';
import { textWidth } from './textWidth.js';

/** Greedy filling of lines no wider than `max` (a word wider than `max` gets a line of its own). */
function fill(widths: readonly number[], space: number, max: number): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let width = 0;
  widths.forEach((wordWidth, index) => {
    const next = line.length === 0 ? wordWidth : width + space + wordWidth;
    if (line.length > 0 && next > max) {
      lines.push(line);
      line = [index];
      width = wordWidth;
    } else {
      line.push(index);
      width = next;
    }
  });
  if (line.length > 0) lines.push(line);
  return lines;
}

/** `text` as the lines to print, each fitting `available` twips at `halfPoints`. */
export function balancedLines(text: string, halfPoints: number, bold: boolean, available: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const widths = words.map((word) => textWidth(word, halfPoints, bold));
  const space = textWidth(' ', halfPoints, bold);
  const limit = available * LINE_BALANCE.fit;
  const count = fill(widths, space, limit).length;
  if (count === 1 || count > LINE_BALANCE.maxLines) return [words.join(' ')];
  // The narrowest width that still needs no more lines than the column does.
  let low = 0;
  let high = limit;
  for (let step = 0; step < 24 && high - low > 1; step++) {
    const middle = (low + high) / 2;
    if (fill(widths, space, middle).length <= count) high = middle;
    else low = middle;
  }
  return fill(widths, space, high).map((line) => line.map((index) => words[index]).join(' '));
}
