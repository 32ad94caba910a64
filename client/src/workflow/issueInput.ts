/**
 * What the office types into the issue dialog, read and shown as Nghị định 30/2020 prints it: the number
 * as a whole number from 1 ("5" and "05" alike; printed "05", PL I "Số, ký hiệu"), the date as people
 * write it, dd/mm/yyyy, sent as `YYYY-MM-DD`. "Today" is the agency's (Asia/Ho_Chi_Minh, Điều 15), not the
 * browser's: the date decides the year whose sequence the number belongs to.
 */
import { parseIsoDate, padCount } from '../../../common/nd30Format.js';
import { localDate, MAX_DOCUMENT_NUMBER } from '../../../common/workflow.js';

/** The number typed, or null when it is not a whole number from 1 (the server's own bounds). */
export function parseDocumentNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_DOCUMENT_NUMBER ? value : null;
}

/** The number as the header prints it ("05"), or the text as typed when it is not a number. */
export function printedNumber(text: string): string {
  const value = parseDocumentNumber(text);
  return value === null ? text.trim() : padCount(value);
}

/** `dd/mm/yyyy` (also `d/m/yyyy`, and with "." or "-") as `YYYY-MM-DD`; null when it is no calendar date. */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return parseIsoDate(iso) === null ? null : iso;
}

/** A `YYYY-MM-DD` date as `dd/mm/yyyy`; anything else unchanged, so a bad value shows. */
export function displayDate(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (date === null) return isoDate;
  return `${padCount(date.day)}/${padCount(date.month)}/${date.year}`;
}

/** Today in the agency's time zone, as `dd/mm/yyyy`: the dialog's starting date. */
export function todayForIssue(now: Date = new Date()): string {
  return displayDate(localDate(now));
}
