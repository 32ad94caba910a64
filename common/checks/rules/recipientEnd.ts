/**
 * The last line of "Nơi nhận" ends with "." (ND30.md, "The footer": each line "- …;", the last "- Lưu: VT,
 * <unit>."). Recipients are stored bare and the standard's punctuation is drawn around them (CONTRACT.md,
 * "Rooms"); a last line stored with a closing "," or ";" of its own ("Lưu: VT, NV (Thu),") is the slip.
 * The fix stores it bare, so that it prints with its ".".
 */
import { bareRecipient } from '../../frame.js';
import { finding, quoted, type Rule } from '../rule.js';

/** The index of the last recipient that prints (a blank line does not), or -1. */
export function lastPrintedRecipient(recipients: readonly string[]): number {
  for (let index = recipients.length - 1; index >= 0; index--) if (bareRecipient(recipients[index]!) !== '') return index;
  return -1;
}

export const recipientEnd: Rule = ({ frame }) => {
  const index = lastPrintedRecipient(frame.recipients);
  if (index < 0) return [];
  const line = frame.recipients[index]!;
  const end = /[,;:]+$/u.exec(line.trimEnd())?.[0];
  if (end === undefined) return [];
  const bare = bareRecipient(line);
  return [
    finding({
      rule: 'recipient-end',
      severity: 'error',
      clause: 'recipients',
      part: 'frame',
      target: { kind: 'recipient', index },
      message: `Dòng cuối của “Nơi nhận” kết thúc bằng dấu chấm, không phải ${quoted(end)}: ${quoted(`${line.trim()}`)} → ${quoted(`${bare}.`)}.`,
      params: { found: line.trim(), mark: end, expected: `${bare}.` },
      fix: { kind: 'setRecipient', part: 'frame', index, from: line, to: bare },
    }),
  ];
};
