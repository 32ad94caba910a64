/**
 * Centred lines of the frame broken where a typist would break them: an agency name too long for its
 * column as "ỦY BAN NHÂN DÂN / HUYỆN LẤP VÒ" rather than "ỦY BAN NHÂN DÂN HUYỆN / LẤP VÒ", a subject as
 * two lines of about the same length. The fewest lines that fit, as even as they can be; a quoted name
 * (“Tuyên truyền gương điển hình tiên tiến”) is never cut in two when it fits on a line (issue 12: the
 * subject's break fell inside one), and no-break spaces (nonBreaking.ts) hold as they do in the file.
 */
import { LINE_BALANCE } from './layout.js';
import { textWidth } from './textWidth.js';

/** Greedy filling of lines no wider than `max` (a unit wider than `max` gets a line of its own). */
function fill(widths: readonly number[], space: number, max: number): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let width = 0;
  widths.forEach((unitWidth, index) => {
    const next = line.length === 0 ? unitWidth : width + space + unitWidth;
    if (line.length > 0 && next > max) {
      lines.push(line);
      line = [index];
      width = unitWidth;
    } else {
      line.push(index);
      width = next;
    }
  });
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Opening and closing quotation marks: curly, and straight ones used as both. */
const OPENS = /^[“"‘(]*[“"]/;
const CLOSES = /[”"][”"’)]*[.,;:!?]*$/;

/**
 * The words of `text` (split at ordinary spaces only: a no-break space joins), with each quotation that
 * fits in `max` joined into one unit: `Đề án “Tuyên truyền … tiên tiến” giai đoạn` → `Đề`, `án`,
 * `“Tuyên truyền … tiên tiến”`, `giai`, `đoạn`.
 */
export function breakUnits(text: string, halfPoints: number, bold: boolean, max: number): string[] {
  const words = text.split(/[ \t\n]+/).filter(Boolean);
  const units: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const end = OPENS.test(word) && !CLOSES.test(word.slice(1)) ? words.findIndex((next, at) => at > index && CLOSES.test(next)) : -1;
    const quoted = end > index ? words.slice(index, end + 1).join(' ') : null;
    if (quoted !== null && textWidth(quoted, halfPoints, bold) <= max) {
      units.push(quoted);
      index = end;
    } else {
      units.push(word);
    }
  }
  return units;
}

/** `text` as the lines to print, each fitting `available` twips at `halfPoints`. */
export function balancedLines(text: string, halfPoints: number, bold: boolean, available: number): string[] {
  const limit = available * LINE_BALANCE.fit;
  const units = breakUnits(text, halfPoints, bold, limit);
  if (units.length === 0) return [];
  const widths = units.map((unit) => textWidth(unit, halfPoints, bold));
  const space = textWidth(' ', halfPoints, bold);
  const count = fill(widths, space, limit).length;
  if (count === 1 || count > LINE_BALANCE.maxLines) return [units.join(' ')];
  // The narrowest width that still needs no more lines than the column does.
  let low = 0;
  let high = limit;
  for (let step = 0; step < 24 && high - low > 1; step++) {
    const middle = (low + high) / 2;
    if (fill(widths, space, middle).length <= count) high = middle;
    else low = middle;
  }
  return fill(widths, space, high).map((line) => line.map((index) => units[index]).join(' '));
}
