/**
 * At issuing, the document has its number and its date (Điều 15; ND30.md, "Numbering and issuing"): a draft
 * leaves them blank for the hand ("Số:      /BC-UBND"), so this is said only in the `issue` mode — by
 * `?for=issue`, and by the issue itself once it has written them into the frame. No fix: the office gives
 * both when it issues.
 */
import { parseIsoDate } from '../../nd30Format.js';
import type { Finding } from '../finding.js';
import { finding, quoted, type Rule } from '../rule.js';

export const issueNumberDate: Rule = ({ frame }, _context, mode) => {
  if (mode !== 'issue') return [];
  const found: Finding[] = [];
  const number = frame.number.trim();
  if (!/^\d{1,6}$/.test(number) || Number(number) < 1) {
    const message = number === '' ? 'Văn bản ban hành phải có số.' : `Số văn bản là một số thứ tự, không phải ${quoted(number)}.`;
    found.push(finding({ rule: 'issue-number', severity: 'error', clause: 'numbering', part: 'frame', target: { kind: 'field', field: 'number' }, message, params: { found: number } }));
  }
  if (parseIsoDate(frame.date.trim()) === null) {
    const message = frame.date.trim() === '' ? 'Văn bản ban hành phải có ngày ban hành.' : `Ngày ban hành ${quoted(frame.date)} không phải một ngày.`;
    found.push(finding({ rule: 'issue-date', severity: 'error', clause: 'numbering', part: 'frame', target: { kind: 'field', field: 'date' }, message, params: { found: frame.date } }));
  }
  return found;
};
