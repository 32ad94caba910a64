import { describe, expect, it } from 'vitest';
import { issueNumberDate } from '../../../../common/checks/rules/issueNumberDate.js';
import { brief, context, report } from './support.js';

describe('a number and a date at issuing', () => {
  it('says nothing of a draft, which leaves them blank for the hand', () => {
    expect(issueNumberDate(report({ frame: { number: '', date: '' } }), context(), 'draft')).toEqual([]);
  });

  it('are errors when issuing, citing Điều 15', () => {
    const findings = issueNumberDate(report({ frame: { number: '', date: '' } }), context(), 'issue');
    expect(brief(findings)).toEqual([
      { rule: 'issue-number', part: 'frame', severity: 'error', params: { found: '' } },
      { rule: 'issue-date', part: 'frame', severity: 'error', params: { found: '' } },
    ]);
    expect(findings[0]!.clause).toContain('Điều 15');
    expect(findings.every((finding) => finding.fix === undefined)).toBe(true);
  });

  it('take a whole number from 1 and a real date', () => {
    expect(issueNumberDate(report({ frame: { number: '05', date: '2025-06-30' } }), context(), 'issue')).toEqual([]);
    expect(brief(issueNumberDate(report({ frame: { number: '5a', date: '2025-02-30' } }), context(), 'issue')).map((finding) => finding.rule)).toEqual([
      'issue-number',
      'issue-date',
    ]);
    expect(issueNumberDate(report({ frame: { number: '0' } }), context(), 'issue')[0]!.rule).toBe('issue-number');
  });
});
