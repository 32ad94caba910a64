/**
 * How wide a line of Times New Roman is, estimated from the font's advance widths: the header's rules are
 * drawn as long as (or a fraction of) the text above them (PL I), and Word has no "as long as the text"
 * rule, so the export measures. The widths are those of Times New Roman (and of Liberation Serif, which
 * shares its metrics), in thousandths of an em, for the printable ASCII characters 32–126; a Vietnamese
 * letter is as wide as its base letter, and the quotes, dashes and no-break characters reports use have
 * their own widths.
 */

const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
  722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
  278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
  778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
  278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
  556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/** The width of anything outside the tables (an emoji, a letter of another script): half an em. */
const OTHER = 500;

/** The no-break space and hyphen (nonBreaking.ts) are as wide as a space and a hyphen. */
const SAME_AS: Readonly<Record<string, string>> = { '\u00A0': ' ', '\u2011': '-', '\u2010': '-' };

/** Punctuation reports use beyond ASCII, [regular, bold] in Times New Roman: quotes, dashes, the ellipsis. */
const PUNCTUATION: Readonly<Record<string, readonly [number, number]>> = {
  '\u201C': [444, 500],
  '\u201D': [444, 500],
  '\u2018': [333, 333],
  '\u2019': [333, 333],
  '\u2013': [500, 500],
  '\u2014': [1000, 1000],
  '\u2026': [1000, 1000],
};

/** The character without its diacritics: "Ộ" → "O", "đ" → "d". */
function baseLetter(character: string): string {
  if (character === 'đ') return 'd';
  if (character === 'Đ') return 'D';
  return SAME_AS[character] ?? character.normalize('NFD').charAt(0);
}

/** The estimated width of `text` on one line, in twips, at `halfPoints` (Word's `w:sz`). */
export function textWidth(text: string, halfPoints: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const character of text) {
    const punctuation = PUNCTUATION[character];
    const code = baseLetter(character).charCodeAt(0);
    thousandths += punctuation ? punctuation[bold ? 1 : 0] : code >= 32 && code < 127 ? table[code - 32]! : OTHER;
  }
  // thousandths of an em × the size in points (halfPoints / 2) × 20 twips per point.
  return Math.round((thousandths * halfPoints * 10) / 1000);
}
