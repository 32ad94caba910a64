/**
 * The name of an exported file: `<symbol>-<date>-<subject>.docx` (issue 5), as a safe ASCII name for every
 * client and, for those that read it (RFC 6266, RFC 5987), the same name in Vietnamese.
 */
import type { FrameFields } from '../../common/frame.js';
import { cleanText } from './cleanText.js';

/** The longest name before ".docx", in characters; the subject is cut at a word. */
export const MAX_NAME_LENGTH = 120;
/** The name when the frame gives nothing to name the file by. */
export const FALLBACK_NAME = 'bao-cao';
const EXTENSION = '.docx';

/** ASCII letters without diacritics: "Đồng Tháp" → "Dong Thap". */
export function stripDiacritics(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** `text` as a file-name part: ASCII letters, digits and single dashes. */
function asciiPart(text: string): string {
  return stripDiacritics(cleanText(text))
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Cuts `name` to `max` characters (code points: an emoji is never split in half), at a separator when there
 * is one in its second half, without a trailing separator.
 */
function bound(name: string, max: number, isSeparator: (character: string) => boolean): string {
  const characters = Array.from(name);
  if (characters.length <= max) return name;
  let end = max;
  for (let index = max; index > max / 2; index--) {
    if (isSeparator(characters[index]!)) {
      end = index;
      break;
    }
  }
  return characters.slice(0, end).join('').replace(/[-\s]+$/u, '');
}

/** The parts of the name, in order: symbol, date, subject (each only when set). */
function nameParts(frame: Pick<FrameFields, 'symbol' | 'date' | 'subject'>): string[] {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(frame.date.trim()) ? frame.date.trim() : '';
  return [frame.symbol, date, frame.subject];
}

/** The safe ASCII file name: "BC-UBND-2024-02-05-Ket-qua-so-ket-….docx". */
export function exportFileName(frame: Pick<FrameFields, 'symbol' | 'date' | 'subject'>): string {
  const name = nameParts(frame).map(asciiPart).filter(Boolean).join('-');
  return `${bound(name, MAX_NAME_LENGTH, (character) => character === '-') || FALLBACK_NAME}${EXTENSION}`;
}

/** The file name in Vietnamese (NFC): path separators, quotes and controls made spaces or dropped. */
export function unicodeFileName(frame: Pick<FrameFields, 'symbol' | 'date' | 'subject'>): string {
  const name = nameParts(frame)
    .map((part) => cleanText(part).replace(/[\\/:*?"<>|\n\t]+/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('-');
  return `${bound(name, MAX_NAME_LENGTH, (character) => character === ' ') || FALLBACK_NAME}${EXTENSION}`;
}

/** RFC 5987 `value-chars`: UTF-8, percent-encoded but for `attr-char`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Content-Disposition of the download: the ASCII name, and the Vietnamese one as `filename*`. */
export function contentDisposition(frame: Pick<FrameFields, 'symbol' | 'date' | 'subject'>): string {
  return `attachment; filename="${exportFileName(frame)}"; filename*=UTF-8''${encodeRfc5987(unicodeFileName(frame))}`;
}
