/**
 * A report's workflow (DESIGN.md, "Review, workflow, versions"; CONTRACT.md, "Review, workflow, issuing,
 * records"; issue 10): draft → review (the office sends it) → approved (the chairperson) → issued (the
 * office, with a number and a date); the office or the chairperson sends it back to draft from review or
 * approved. Issued is final. The server enforces these rules; the client shows a button only to whom they
 * allow it.
 */
import type { Role } from './access.js';
import { padCount, parseIsoDate } from './nd30Format.js';
import type { ReportStatus } from './report.js';

/** Where a report may go from each status. */
export const TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  draft: ['review'],
  review: ['approved', 'draft'],
  approved: ['issued', 'draft'],
  issued: [],
};

/** True when a report in `from` may move to `to`. */
export function isTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Who may move a report to `to` (from wherever the transitions allow): the office (and the admin, who
 * has every right of the office) sends it to review and issues it, the chairperson approves it, either
 * sends it back to draft. Editors change no status.
 */
export function canMoveReportTo(role: Role, to: ReportStatus): boolean {
  const office = role === 'admin' || role === 'office';
  switch (to) {
    case 'review':
    case 'issued':
      return office;
    case 'approved':
      return role === 'chair';
    case 'draft':
      return office || role === 'chair';
  }
}

/** Who may ask for the next free number, and save a named version: the office (and the admin). */
export function canIssue(role: Role): boolean {
  return canMoveReportTo(role, 'issued');
}

/** The statuses a person of `role` may move a report in `from` to, for the buttons of the report page. */
export function nextStatuses(role: Role, from: ReportStatus): ReportStatus[] {
  return TRANSITIONS[from].filter((to) => canMoveReportTo(role, to));
}

/** Numbers of issued documents: whole numbers from 1 (printed "01") up to this. */
export const MAX_DOCUMENT_NUMBER = 999_999;

/** A document number as the frame holds it and the header prints it: "05", "123" (PL I, "Số, ký hiệu"). */
export function formatDocumentNumber(number: number): string {
  return padCount(number);
}

/**
 * Where the agencies using the product are: "today" and the year a number sequence belongs to are read
 * on this clock (Điều 15: numbers start at 01 on 1 January), whatever the server's own time zone.
 */
export const AGENCY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar date (`YYYY-MM-DD`) at the instant `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string = AGENCY_TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The year of a `YYYY-MM-DD` date; throws on anything else. */
export function yearOf(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`"${isoDate}" is not a YYYY-MM-DD date`);
  return date.year;
}
