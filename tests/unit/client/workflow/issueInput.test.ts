/**
 * What the office types into the issue dialog: the number as a whole number from 1, printed zero-padded
 * (PL I, "Số, ký hiệu"), and the date as people write it, dd/mm/yyyy, with "today" read in the agency's
 * time zone (Điều 15: the date decides the year of the number's sequence).
 */
import { describe, expect, it } from 'vitest';
import { displayDate, parseDisplayDate, parseDocumentNumber, printedNumber, todayForIssue } from '../../../../client/src/workflow/issueInput.js';

describe('the number typed', () => {
  it('reads whole numbers from 1, with or without the leading zero', () => {
    expect(parseDocumentNumber('05')).toBe(5);
    expect(parseDocumentNumber(' 5 ')).toBe(5);
    expect(parseDocumentNumber('123')).toBe(123);
    expect(printedNumber('5')).toBe('05');
    expect(printedNumber('12')).toBe('12');
  });

  it('refuses what the server would refuse', () => {
    for (const text of ['', '0', '00', '-1', '5a', '1.5', '1234567', '05/BC-UBND']) expect(parseDocumentNumber(text), text).toBeNull();
  });
});

describe('the date typed', () => {
  it('reads dd/mm/yyyy, d/m/yyyy and other separators as YYYY-MM-DD', () => {
    expect(parseDisplayDate('05/02/2025')).toBe('2025-02-05');
    expect(parseDisplayDate('5/2/2025')).toBe('2025-02-05');
    expect(parseDisplayDate(' 30.06.2025 ')).toBe('2025-06-30');
    expect(parseDisplayDate('29-02-2024')).toBe('2024-02-29');
  });

  it('refuses dates that do not exist and other forms', () => {
    for (const text of ['31/02/2025', '29/02/2025', '2025-02-05', '05/13/2025', '05/02/25', '', 'hôm nay']) {
      expect(parseDisplayDate(text), text).toBeNull();
    }
  });

  it('shows a stored date as dd/mm/yyyy', () => {
    expect(displayDate('2025-02-05')).toBe('05/02/2025');
    expect(displayDate('not a date')).toBe('not a date');
  });

  it('starts at today in Asia/Ho_Chi_Minh, not in the browser’s zone', () => {
    // 31 Dec 2025 18:30 UTC is already 1 Jan 2026 in Việt Nam (UTC+7): a number of the new year's sequence.
    expect(todayForIssue(new Date('2025-12-31T18:30:00Z'))).toBe('01/01/2026');
    expect(todayForIssue(new Date('2025-12-31T16:59:00Z'))).toBe('31/12/2025');
  });
});
