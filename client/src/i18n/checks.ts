/**
 * The strings of the form checker (issue 12): its panel on the report page and the errors the "Ban hành"
 * dialog shows. A finding arrives with its message and clause in Vietnamese (common/checks); Vietnamese shows
 * them as they are, English words each rule from its stable id and parameters.
 */
import type { Finding, RuleId } from '../../../common/checks/finding.js';
import type { ClauseKey } from '../../../common/checks/clauses.js';
import type { FrameTextKey } from '../../../common/frame.js';
import { frameFieldNamesEn, frameFieldNamesVi } from './frameFields.js';

export interface ChecksMessages {
  /** The panel's heading: "Kiểm tra thể thức". */
  title: string;
  /** While the rooms load. */
  loading: string;
  /** Nothing found. */
  none: string;
  /** "2 lỗi, 5 cảnh báo". */
  summary(errors: number, warnings: number): string;
  error: string;
  warning: string;
  /** The one-click fix's button, and what it says to screen readers. */
  fix: string;
  fixLabel(message: string): string;
  /** Why a finding offers no fix to this person: they may not write its part. */
  notYours: string;
  /** Where a finding is. */
  parts: {
    frame: string;
    field: Record<FrameTextKey, string>;
    recipients: string;
    recipient(line: number): string;
    preamble: string;
    section(number: string, title: string): string;
  };
  /** The finding in this language. */
  message(finding: Finding): string;
  clause(finding: Finding): string;
  /** The "Ban hành" dialog. */
  issue: {
    checking: string;
    /** The errors that stop the report from being issued, before the list. */
    blocked(count: number): string;
    /** How to clear them. */
    howToFix: string;
    /** The checker could not be asked; the server checks again when issuing. */
    failed: string;
    /** The server refused the issue (409 `checks_failed`). */
    refused: string;
  };
}

export const checksVi: ChecksMessages = {
  title: 'Kiểm tra thể thức',
  loading: 'Đang kiểm tra…',
  none: 'Không thấy lỗi thể thức nào.',
  summary: (errors, warnings) => `${errors} lỗi, ${warnings} cảnh báo`,
  error: 'Lỗi',
  warning: 'Cảnh báo',
  fix: 'Sửa',
  fixLabel: (message) => `Sửa: ${message}`,
  notYours: 'Chỉ người được viết phần này mới sửa được',
  parts: {
    frame: 'Khung văn bản',
    field: frameFieldNamesVi,
    recipients: 'Nơi nhận',
    recipient: (line) => `Nơi nhận, dòng ${line}`,
    preamble: 'Phần mở đầu',
    section: (number, title) => `${number}. ${title}`,
  },
  message: (finding) => finding.message,
  clause: (finding) => finding.clause,
  issue: {
    checking: 'Đang kiểm tra thể thức…',
    blocked: (count) => `Chưa thể ban hành: còn ${count} lỗi thể thức.`,
    howToFix: 'Sửa các lỗi này (nút “Sửa” trong bảng Kiểm tra thể thức) rồi ban hành.',
    failed: 'Không kiểm tra được thể thức; máy chủ sẽ kiểm tra lại khi ban hành.',
    refused: 'Máy chủ từ chối ban hành vì còn lỗi thể thức.',
  },
};

const CLAUSES_EN: Record<ClauseKey, string> = {
  authority: 'Decree 30/2020/NĐ-CP, Art. 8(2)(g); Appendix I, the signer’s authority (TM., KT., Q., TL., TUQ.)',
  recipients: 'Decree 30/2020/NĐ-CP, Art. 8(2)(i); Appendix I, recipients (each line ends with “;”, the last, “Lưu: VT, …”, with “.”)',
  content: 'Decree 30/2020/NĐ-CP, Art. 8(2)(e); Appendix I, the text of the document',
  closingMark: 'Decree 30/2020/NĐ-CP, Art. 8(2)(e); Appendix I, the text of the document (ends with “./.”)',
  capitals: 'Decree 30/2020/NĐ-CP, Art. 9; Appendix II, capitals in place names (“tỉnh”, “huyện”, “xã” in lower case)',
  numbering: 'Decree 30/2020/NĐ-CP, Art. 15; Art. 8(2)(c, d); Appendix I, number, symbol and date of issue',
};

type Params = Finding['params'];
const q = (value: unknown) => `“${String(value ?? '')}”`;
const change = (p: Params) => `${q(p.found)} → ${q(p.expected)}`;

const RULES_EN: Record<RuleId, (p: Params) => string> = {
  'authority-form': (p) => `Write the authority ${q(p.abbreviation)} followed by one space: ${change(p)}.`,
  'recipient-end': (p) => `The last recipient line ends with a full stop, not ${q(p.mark)}: ${change(p)}.`,
  'archive-line': (p) =>
    p.problem === 'missing'
      ? 'The recipients end with the line “Lưu: VT, …”, which is missing.'
      : p.problem === 'notLast'
        ? `The line ${q(p.found)} must be the last of the recipients.`
        : `Write the archive line as “Lưu: VT, …”: ${change(p)}.`,
  'archive-unit': () => 'After “Lưu: VT,” add the abbreviation of the unit that drafted the document.',
  'year-range': (p) => `Write ranges of years as most of the report does: ${change(p)}.`,
  'admin-unit-case': (p) => `${q(p.found)} is a common noun, in lower case inside a sentence: ${q(p.expected)}.`,
  'closing-mark': (p) =>
    p.ending === 'text' ? `The report’s last paragraph ends with “./.”: “…${String(p.found)}”.` : 'The report ends with a paragraph closed by “./.” (it now ends with a heading or a table).',
  'issue-number': (p) => (p.found === '' ? 'An issued document has a number.' : `The number is a sequence number, not ${q(p.found)}.`),
  'issue-date': (p) => (p.found === '' ? 'An issued document has a date.' : `The date ${q(p.found)} is not a date.`),
  'empty-part': (p) => (p.part === 'preamble' ? 'The opening paragraphs (basis and purpose of the report) are empty.' : `The part ${q(p.title)} is empty.`),
  'empty-item': (p) => `The item ${q(p.title)} has nothing under it.`,
  'hint-left': (p) => `A guidance line of the template is still there instead of text: ${q(p.found)}.`,
  'tally-empty': () => 'The award table has no rows.',
  'tally-row-empty': (p) => `Row ${String(p.row)} of the award table counts no collective and no individual.`,
  'tally-row-award': (p) => (p.award === '' ? `Row ${String(p.row)} of the award table has no award chosen.` : `Row ${String(p.row)} of the award table has an award not in the catalogue: ${q(p.award)}.`),
  'tally-prose-mismatch': (p) => `This paragraph says ${q(p.award)} ${String(p.said)}, the award table says ${String(p.rows)}: the sentence comes from the table; remove the hand-written copy.`,
  'tally-prose-repeated': () => 'This paragraph repeats the award table’s sentence, which is printed under the table: it would print twice.',
  spelling: (p) => `Misspelt: ${change(p)}.`,
};

export const checksEn: ChecksMessages = {
  title: 'Form check',
  loading: 'Checking…',
  none: 'No form problem found.',
  summary: (errors, warnings) => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  error: 'Error',
  warning: 'Warning',
  fix: 'Fix',
  fixLabel: (message) => `Fix: ${message}`,
  notYours: 'Only those who may write this part can fix it',
  parts: {
    frame: 'Header and footer',
    field: frameFieldNamesEn,
    recipients: 'Recipients',
    recipient: (line) => `Recipients, line ${line}`,
    preamble: 'Opening paragraphs',
    section: (number, title) => `${number}. ${title}`,
  },
  message: (finding) => RULES_EN[finding.rule](finding.params),
  clause: (finding) => CLAUSES_EN[finding.clauseKey],
  issue: {
    checking: 'Checking the form…',
    blocked: (count) => `Cannot issue yet: ${count} form error${count === 1 ? '' : 's'} left.`,
    howToFix: 'Fix them (the “Fix” buttons of the Form check panel), then issue.',
    failed: 'The form could not be checked; the server checks it again when issuing.',
    refused: 'The server refused to issue: form errors remain.',
  },
};
