import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/access.js';
import { REPORT_STATUSES } from '../../../common/report.js';
import { canIssue, formatDocumentNumber, isTransition, localDate, nextStatuses, yearOf } from '../../../common/workflow.js';

describe('the workflow rules', () => {
  it('moves draft → review → approved → issued, back to draft from review or approved, and nowhere from issued', () => {
    const moves = REPORT_STATUSES.flatMap((from) => REPORT_STATUSES.filter((to) => isTransition(from, to)).map((to) => `${from}→${to}`));
    expect(moves.sort()).toEqual(['approved→draft', 'approved→issued', 'draft→review', 'review→approved', 'review→draft']);
  });

  it('offers each role the buttons it may press, from each status', () => {
    const offered = Object.fromEntries(ROLES.map((role) => [role, Object.fromEntries(REPORT_STATUSES.map((from) => [from, nextStatuses(role, from)]))]));
    expect(offered).toEqual({
      admin: { draft: ['review'], review: ['draft'], approved: ['issued', 'draft'], issued: [] },
      office: { draft: ['review'], review: ['draft'], approved: ['issued', 'draft'], issued: [] },
      editor: { draft: [], review: [], approved: [], issued: [] },
      chair: { draft: [], review: ['approved', 'draft'], approved: ['draft'], issued: [] },
    });
    expect(ROLES.filter(canIssue)).toEqual(['admin', 'office']);
  });

  it('writes document numbers zero-padded under 10 (PL I)', () => {
    expect([1, 9, 10, 123].map(formatDocumentNumber)).toEqual(['01', '09', '10', '123']);
  });

  it('reads today on the clock of Hà Nội (UTC+7), whatever the machine’s zone', () => {
    expect(localDate(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(localDate(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(localDate(new Date('2025-06-30T03:00:00.000Z'))).toBe('2025-06-30');
    expect(localDate(new Date('2025-12-31T17:00:00.000Z'), 'UTC')).toBe('2025-12-31');
    expect(yearOf('2026-01-01')).toBe(2026);
    expect(() => yearOf('2025-02-30')).toThrow(RangeError);
  });
});
