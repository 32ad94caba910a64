/**
 * What a review note says in the Word file (issue 9): its author as Word shows them, their initials, and
 * its paragraphs — a comment's text then its replies, each with who wrote it and when; a suggestion as
 * "Đề xuất sửa: “cũ” → “mới”"; a note whose text was deleted says so first, quoting what it was on. All
 * text is cleaned (`cleanText`): it was typed by clients and goes into XML.
 */
import type { ExportComment } from './exportModel.js';
import { cleanText } from './cleanText.js';
import type { NoteAuthor, ReplyNote, ReviewNote } from './reviewNotes.js';

/** Said first by a note whose text has been deleted (the app's own words for a detached note). */
export const DELETED_PASSAGE = 'Đoạn được bình luận đã bị xóa';
/** How a suggestion reads. */
export const SUGGESTED_EDIT = 'Đề xuất sửa';

/** Vietnam keeps UTC+7 all year (no daylight saving), so times print the same on any server. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** At most this many initials: Word shows them in a narrow box. */
const MAX_INITIALS = 4;

/** "Lê Văn Nam (Phòng Nội vụ)"; the name alone for someone without a department. */
export function authorLabel(author: NoteAuthor): string {
  const name = cleanText(author.name).trim();
  const department = cleanText(author.department ?? '').trim();
  return department === '' ? name : `${name} (${department})`;
}

/** "Lê Văn Nam" → "LVN": the first letter of each word, upper case. */
export function initialsOf(name: string): string {
  const words = cleanText(name).trim().split(/\s+/).filter(Boolean);
  return words
    .map((word) => Array.from(word)[0]!.toLocaleUpperCase('vi'))
    .slice(0, MAX_INITIALS)
    .join('');
}

/** `text` in curly quotes, on one line. */
function quoted(text: string): string {
  return `“${cleanText(text).replace(/\s*\n\s*/g, ' ').trim()}”`;
}

/** Text as paragraphs, one a line (a comment may have several). */
function lines(text: string): string[] {
  return cleanText(text).split('\n');
}

/** "14:05 ngày 03/02/2025", in Vietnam's time; empty when `iso` is no date. */
export function vietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const at = new Date(ms + VIETNAM_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(at.getUTCHours())}:${two(at.getUTCMinutes())} ngày ${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
}

/** A reply as paragraphs: "Lê Văn Nam (Phòng Nội vụ) trả lời lúc 14:05 ngày 03/02/2025: …". */
function replyParagraphs(reply: ReplyNote): string[] {
  const time = vietnamTime(reply.createdAt);
  const [first = '', ...rest] = lines(reply.body);
  return [`${authorLabel(reply.author)} trả lời${time === '' ? '' : ` lúc ${time}`}: ${first}`, ...rest];
}

/** What a note says, paragraph by paragraph. `deleted`: its text is gone. */
export function noteParagraphs(note: ReviewNote, deleted: boolean): string[] {
  const lead = deleted ? [`${DELETED_PASSAGE}: ${quoted(note.quote)}`] : [];
  switch (note.kind) {
    case 'comment':
      return [...lead, ...lines(note.body), ...note.replies.flatMap(replyParagraphs)];
    case 'suggestion':
      return [...lead, `${SUGGESTED_EDIT}: ${quoted(note.quote)} → ${quoted(note.replacement)}`];
  }
}

/** The Word comment of a note. */
export function exportComment(note: ReviewNote, id: number, deleted: boolean): ExportComment {
  return {
    id,
    author: authorLabel(note.author),
    initials: initialsOf(note.author.name),
    date: Number.isNaN(Date.parse(note.createdAt)) ? null : note.createdAt,
    paragraphs: noteParagraphs(note, deleted),
  };
}
