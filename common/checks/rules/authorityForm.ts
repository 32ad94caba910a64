/**
 * The authority forms of the signature block (ND30.md, "The footer"): "TM.", "KT.", "Q.", "TL.", "TUQ.",
 * in capitals, a dot, then one space — "Q. CHỦ TỊCH", not "Q.CHỦ TỊCH" nor "Q . CHỦ TỊCH". Read in the
 * authority line(s) and the title, which is typed by hand ("Q. CHỦ TỊCH" is a title of its own).
 */
import type { FrameTextKey } from '../../frame.js';
import { finding, quoted, type Rule } from '../rule.js';

const FIELDS: readonly FrameTextKey[] = ['signAuthority', 'signTitle'];

/** An authority form at the start of a line: the abbreviation, its dot, and the blanks around. */
const FORM = /^(\s*)(tm|kt|q|tl|tuq)(\s*)\.(\s*)(?=\S)/iu;

/** The line with its authority form written as the decree writes it; the line itself when it is. */
export function standardAuthority(line: string): string {
  return line.replace(FORM, (_match, lead: string, abbreviation: string) => `${lead}${abbreviation.toLocaleUpperCase('vi')}. `);
}

export const authorityForm: Rule = ({ frame }) =>
  FIELDS.flatMap((field) => {
    const value = frame[field];
    const lines = value.split('\n');
    const fixed = lines.map(standardAuthority);
    const wrong = lines.findIndex((line, index) => line !== fixed[index]);
    if (wrong < 0) return [];
    const abbreviation = `${FORM.exec(lines[wrong]!)![2]!.toLocaleUpperCase('vi')}.`;
    return [
      finding({
        rule: 'authority-form',
        severity: 'error',
        clause: 'authority',
        part: 'frame',
        target: { kind: 'field', field },
        message: `Quyền hạn ký viết ${quoted(abbreviation)} rồi một dấu cách: ${quoted(lines[wrong]!.trim())} → ${quoted(fixed[wrong]!.trim())}.`,
        params: { abbreviation, found: lines[wrong]!.trim(), expected: fixed[wrong]!.trim() },
        fix: { kind: 'setField', part: 'frame', field, from: value, to: fixed.join('\n') },
      }),
    ];
  });
