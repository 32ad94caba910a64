/**
 * The closing line of "Nơi nhận": "Lưu: VT, <the drafting unit>" — present, last, and in that form (ND30.md,
 * "The footer"). Without it: an error whose fix adds "Lưu: VT"; "Lưu VT, NV" or "Lưu: NV": an error whose fix
 * writes "Lưu: VT, NV"; "Lưu: VT" alone: a warning, the unit's abbreviation being the drafter's to add.
 */
import { bareRecipient } from '../../frame.js';
import type { Finding } from '../finding.js';
import { finding, quoted, type Rule } from '../rule.js';
import { lastPrintedRecipient } from './recipientEnd.js';

const ARCHIVE = /^Lưu\b/iu;

/** "Lưu VT, NV" → "Lưu: VT, NV"; "Lưu: NV" → "Lưu: VT, NV"; a line already right is returned as it is. */
export function standardArchiveLine(bare: string): string {
  const rest = bare.replace(/^Lưu\s*:?\s*/iu, '');
  if (!/^VT\b/u.test(rest)) return `Lưu: VT${rest === '' ? '' : `, ${rest}`}`;
  return `Lưu: ${rest}`;
}

function lineFindings(line: string, index: number): Finding[] {
  const bare = bareRecipient(line);
  const target = { kind: 'recipient', index } as const;
  const standard = standardArchiveLine(bare);
  if (standard !== bare) {
    return [
      finding({
        rule: 'archive-line',
        severity: 'error',
        clause: 'recipients',
        part: 'frame',
        target,
        message: `Dòng lưu viết ${quoted('Lưu: VT, …')}: ${quoted(bare)} → ${quoted(standard)}.`,
        params: { problem: 'form', found: bare, expected: standard },
        fix: { kind: 'setRecipient', part: 'frame', index, from: line, to: standard },
      }),
    ];
  }
  if (/^Lưu: VT\s*$/u.test(bare)) {
    const message = `Sau ${quoted('Lưu: VT,')} ghi chữ viết tắt tên đơn vị (bộ phận) soạn thảo văn bản.`;
    return [finding({ rule: 'archive-unit', severity: 'warning', clause: 'recipients', part: 'frame', target, message, params: { found: bare } })];
  }
  return [];
}

export const archiveLine: Rule = ({ frame }) => {
  const { recipients } = frame;
  const last = lastPrintedRecipient(recipients);
  const archive = recipients.findIndex((line) => ARCHIVE.test(bareRecipient(line)));
  if (archive < 0) {
    const message = `Thiếu dòng ${quoted('Lưu: VT, …')} ở cuối “Nơi nhận”.`;
    const fix = { kind: 'addRecipient', part: 'frame', value: 'Lưu: VT' } as const;
    const target = { kind: 'recipients' } as const;
    return [finding({ rule: 'archive-line', severity: 'error', clause: 'recipients', part: 'frame', target, message, params: { problem: 'missing' }, fix })];
  }
  if (archive !== last) {
    const found = bareRecipient(recipients[archive]!);
    const message = `Dòng ${quoted(found)} phải là dòng cuối cùng của “Nơi nhận”.`;
    const target = { kind: 'recipient', index: archive } as const;
    return [finding({ rule: 'archive-line', severity: 'error', clause: 'recipients', part: 'frame', target, message, params: { problem: 'notLast', found } })];
  }
  return lineFindings(recipients[archive]!, archive);
};
