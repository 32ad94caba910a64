/**
 * How Nghị định 30/2020/NĐ-CP, Phụ lục I writes numbers, dates and document numbers (ND30.md). Pure
 * functions shared by the editor, which shows them, and the export, which prints them.
 */

/** Counts and document numbers under 10 take a leading zero: 2 → "02", 19 → "19" (PL I, "Số, ký hiệu"). */
export function padCount(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`padCount: ${value} is not a whole number ≥ 0`);
  return value < 10 ? `0${value}` : String(value);
}

/**
 * The symbol of a document: the type's symbol and the agency's, joined by "-" with no spaces (PL III):
 * ("BC", "UBND") → "BC-UBND". A letter (công văn) has no type symbol: ("", "UBND-VX") → "UBND-VX".
 */
export function documentSymbol(typeSymbol: string, agencySymbol: string): string {
  return [typeSymbol.trim(), agencySymbol.trim()].filter(Boolean).join('-');
}

/**
 * The number line: "Số: 05/BC-UBND". Until the report is issued the number is blank, leaving room to
 * write it by hand: "Số:      /BC-UBND" (PL I).
 */
export function formatNumberLine(number: string | number | null, symbol: string): string {
  const raw = typeof number === 'number' ? String(number) : (number ?? '').trim();
  if (raw === '') return `Số:      /${symbol}`;
  const padded = /^\d+$/.test(raw) ? padCount(Number(raw)) : raw;
  return `Số: ${padded}/${symbol}`;
}

/** A `YYYY-MM-DD` date, or null when `value` is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * Place and date as the header prints them: "Lấp Vò, ngày 05 tháng 02 năm 2024". Days under 10 and the
 * months January and February take a leading zero ("tháng 02", but "tháng 8"), PL I. With no date yet the
 * blanks are left for the hand: "Lấp Vò, ngày     tháng     năm 2024" (`year` fills the last blank).
 */
export function formatPlaceDate(place: string, isoDate: string, year: number = new Date().getFullYear()): string {
  const lead = place.trim() ? `${place.trim()}, ` : '';
  const date = parseIsoDate(isoDate);
  if (!date) return `${lead}ngày     tháng     năm ${year}`;
  const month = date.month <= 2 ? padCount(date.month) : String(date.month);
  return `${lead}ngày ${padCount(date.day)} tháng ${month} năm ${date.year}`;
}
