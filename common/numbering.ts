/**
 * How a section numbers its parts (Nghị định 30/2020/NĐ-CP, Phụ lục I, "bố cục của nội dung văn bản"):
 * items "1.", "2.", … and, inside an item, points "a)", "b)", … in the Vietnamese alphabet, which has no
 * f, j, w or z and puts "đ" after "d". The editor draws these numbers (CSS counters) and the export prints
 * them; both count the same way, restarting in every section.
 */

/** The letters of points, in order (PL I: "a, b, c, d, đ, e, g, h, …"). */
export const POINT_LETTERS = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
] as const;

/**
 * The letter(s) of the `n`th point, from 1: 1 → "a", 5 → "đ", 23 → "y", then "aa", "ab", … as the
 * editor's `@counter-style vn-lower-alpha` (system: alphabetic) continues. Anything but a whole number ≥ 1
 * counts as 1.
 */
export function pointLetter(n: number): string {
  let rest = Number.isInteger(n) && n >= 1 ? n : 1;
  let letters = '';
  while (rest > 0) {
    rest -= 1;
    letters = POINT_LETTERS[rest % POINT_LETTERS.length] + letters;
    rest = Math.floor(rest / POINT_LETTERS.length);
  }
  return letters;
}

/** A point's label: 1 → "a)". */
export function pointLabel(n: number): string {
  return `${pointLetter(n)})`;
}

/** An item's label: 1 → "1.". */
export function itemLabel(n: number): string {
  return `${Number.isInteger(n) && n >= 1 ? n : 1}.`;
}

/** Heading levels inside a section body (common/editorSchema.ts): 2 is an item, 3 a point. */
export type NumberedLevel = 2 | 3;

/** Where the count stands inside one section. */
export interface HeadingCount {
  item: number;
  point: number;
}

/** The count at the start of a section. */
export const START_COUNT: HeadingCount = { item: 0, point: 0 };

/**
 * The label of the next heading and the count after it. An item counts up and restarts the points; a point
 * counts up within its item (a point before any item still gets "a)", as the editor shows it).
 */
export function nextHeading(count: HeadingCount, level: NumberedLevel): { label: string; count: HeadingCount } {
  if (level === 2) {
    const next = { item: count.item + 1, point: 0 };
    return { label: itemLabel(next.item), count: next };
  }
  const next = { item: count.item, point: count.point + 1 };
  return { label: pointLabel(next.point), count: next };
}

/** The labels of a section's headings, in document order: [2, 3, 3, 2] → ["1.", "a)", "b)", "2."]. */
export function headingLabels(levels: readonly NumberedLevel[]): string[] {
  let count = START_COUNT;
  return levels.map((level) => {
    const next = nextHeading(count, level);
    count = next.count;
    return next.label;
  });
}
