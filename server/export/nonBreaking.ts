/**
 * Where a printed line must not break (issue 12, "The export, as printed"): LibreOffice and Word break at
 * any space and after any hyphen, so "0,38 %." left "%." alone on a line and "47-KH/HU" printed "47-" at a
 * line's end and "KH/HU" on the next. Spaces that must hold become no-break spaces (U+00A0) and hyphens
 * inside a document's symbol no-break hyphens (U+2011, written to the file as Word's own
 * `w:noBreakHyphen`, see wordHyphens.ts). Each replacement is one character for one, so text keeps its
 * length and anything counted in characters (comment ranges) stays where it was.
 *
 * The rules, each after the typist's habit it follows:
 * - a number and its unit: "47 %", "0,38 %", "12 km", "5 triệu đồng" (the unit never starts a line);
 * - a document's number and symbol (PL I, "Số, ký hiệu"; PL III): "15/KH-UBND", "1526/QĐ-TTg",
 *   "30/2020/NĐ-CP", "/BC-UBND" (a number not given yet), and the party's "47-KH/HU", "34-CT/TW";
 * - "Số:" and the number after it; "TM.", "KT.", "Q.", "TL.", "TUQ." and the word after them (PL I, the
 *   authority: "Q. CHỦ TỊCH" never leaves "Q." at a line's end);
 * - a range of numbers "2022 - 2025": the dash stays on the line of the first number, since a line that
 *   starts with "- " reads as an item of a list.
 */
import type { Block, Inline } from './exportModel.js';

export const NO_BREAK_SPACE = '\u00A0';
export const NO_BREAK_HYPHEN = '\u2011';

/** Units and counted nouns a number is printed with, longest first where one begins another. */
const UNITS = ['%', '‰', '°C', '°', 'km²', 'km', 'm²', 'm³', 'm', 'cm', 'mm', 'ha', 'kg', 'tấn', 'tạ', 'lít', 'đồng', 'đ', 'VNĐ', 'USD', 'nghìn', 'triệu', 'tỷ'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters and digits: a unit must end where a word ends ("5 m" but not "5 mô hình"). */
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

/** A number, then spaces, then a unit. */
const NUMBER_UNIT = new RegExp(`(?<=\\p{N})[ \\t]+(?=(?:${UNITS.map(escape).join('|')})${WORD_END})`, 'gu');

/**
 * A symbol: letters and digits joined by "/" and "-", with at least one "/" and one capital, starting with
 * a number or "/" ("15/KH-UBND", "/BC-UBND", "47-KH/HU"), no spaces inside.
 */
const SYMBOL = /(?<![\p{L}\p{N}/-])(?:\p{N}+|(?=\/))[\p{L}\p{N}]*(?:[/-][\p{L}\p{N}]+)+(?![\p{L}\p{N}])/gu;

/** "Số:" and the spaces after it (before the number, or the blank left for it). */
const NUMBER_LABEL = /(?<=(?:^|[^\p{L}])Số:)[ \t]+(?=[\p{N}/ ])/gu;

/** The space after the abbreviation that opens an authority line. */
const AUTHORITY = /(?<=(?:^|[^\p{L}])(?:TM|KT|Q|TL|TUQ)\.)[ \t]+(?=\p{L})/gu;

/** The spaces before the dash of a range of numbers: "2022 - 2025", "2022 – 2025". */
const RANGE_DASH = /(?<=\p{N})[ \t]+(?=[-–][ \t]*\p{N})/gu;

const hardSpaces = (spaces: string) => NO_BREAK_SPACE.repeat(spaces.length);

/** `text` with the spaces and hyphens that must not break replaced, one character for one. */
export function keepTogether(text: string): string {
  return text
    .replace(NUMBER_UNIT, hardSpaces)
    .replace(SYMBOL, (symbol) => (/\/.*\p{Lu}|\p{Lu}.*\//u.test(symbol) ? symbol.replaceAll('-', NO_BREAK_HYPHEN) : symbol))
    .replace(NUMBER_LABEL, hardSpaces)
    .replace(AUTHORITY, hardSpaces)
    .replace(RANGE_DASH, hardSpaces);
}

/**
 * A paragraph's runs with {@link keepTogether} applied across them, so that "47" in one run and " %" in the
 * next are held together too; line breaks count as one character, comment marks as none.
 */
export function keepInlinesTogether(inlines: readonly Inline[]): Inline[] {
  const texts = inlines.map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'break' ? '\n' : ''));
  const kept = keepTogether(texts.join(''));
  let offset = 0;
  return inlines.map((inline, index) => {
    const text = kept.slice(offset, (offset += texts[index]!.length));
    return inline.kind === 'text' && text !== inline.text ? { ...inline, text } : inline;
  });
}

/** The body's paragraphs, those in table cells too, with {@link keepInlinesTogether}; other blocks as they are. */
export function keepBlocksTogether(blocks: readonly Block[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.kind) {
      case 'paragraph':
        return { ...block, inlines: keepInlinesTogether(block.inlines) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map((cell) => ({ ...cell, blocks: keepBlocksTogether(cell.blocks) }))) };
      default:
        return block;
    }
  });
}
