/**
 * The frame of a report: its header and footer fields (CONTRACT.md, "Rooms": the `Y.Map` named `frame`),
 * read into a plain object, and the lines the standard prints from them (ND30.md).
 */
import * as Y from 'yjs';
import { FRAME_MAP } from './rooms.js';

/** The frame's string keys (CONTRACT.md); `recipients` is a `Y.Array` of strings. */
export const FRAME_TEXT_KEYS = [
  'parentAgency',
  'agency',
  'number',
  'symbol',
  'place',
  'date',
  'docType',
  'subject',
  'signAuthority',
  'signTitle',
  'signerName',
] as const;

export type FrameTextKey = (typeof FRAME_TEXT_KEYS)[number];

export type FrameFields = Record<FrameTextKey, string> & {
  /** Each a recipient as written, without the leading "- " and the closing ";" or "." (added in print). */
  recipients: string[];
};

/** The authority forms of the signature block (ND30.md, "The footer"): "TM." for the collective, etc. */
export const SIGN_AUTHORITIES = [
  { value: 'TM. ỦY BAN NHÂN DÂN', meaning: 'on behalf of the committee (thay mặt)' },
  { value: 'KT. CHỦ TỊCH', meaning: 'a deputy signs for the head (ký thay)' },
  { value: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', meaning: 'a deputy signs for the committee' },
  { value: 'Q. CHỦ TỊCH', meaning: 'the acting head (quyền)' },
  { value: 'TL. CHỦ TỊCH', meaning: 'by order of the head (thừa lệnh)' },
  { value: 'TUQ. CHỦ TỊCH', meaning: 'by authorisation (thừa ủy quyền)' },
] as const;

/** Titles that usually follow the authority line. */
export const SIGN_TITLES = ['CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Q. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'] as const;

/** Reads the frame map of a frame room's document. */
export function readFrame(doc: Y.Doc): FrameFields {
  const map = doc.getMap<unknown>(FRAME_MAP);
  const text = (key: FrameTextKey) => {
    const value = map.get(key);
    return typeof value === 'string' ? value : '';
  };
  const list = map.get('recipients');
  const recipients = list instanceof Y.Array ? list.toArray().filter((item): item is string => typeof item === 'string') : [];
  const fields = Object.fromEntries(FRAME_TEXT_KEYS.map((key) => [key, text(key)])) as Record<FrameTextKey, string>;
  return { ...fields, recipients };
}

/** A recipient without list punctuation: "- Sở Nội vụ;" → "Sở Nội vụ". */
export function bareRecipient(line: string): string {
  return line.trim().replace(/^[-–•]\s*/, '').replace(/[\s;,.]+$/, '');
}

/** The recipient lines as printed: each "- …;", the last "- …." (PL I, "Nơi nhận"). Empty lines are dropped. */
export function recipientLines(recipients: readonly string[]): string[] {
  const bare = recipients.map(bareRecipient).filter(Boolean);
  return bare.map((recipient, index) => `- ${recipient}${index === bare.length - 1 ? '.' : ';'}`);
}

/** An authority or title line as printed: upper case, one space after "TM.", "KT.", "Q.", "TL.", "TUQ.". */
export function authorityLine(line: string): string {
  return line
    .trim()
    .replace(/^(TM|KT|Q|TL|TUQ)\.\s*/i, (_match, abbreviation: string) => `${abbreviation.toUpperCase()}. `)
    .toLocaleUpperCase('vi');
}

/** The signature block's bold lines above the space for the signature: authority line(s), then the title. */
export function signatureLines(frame: Pick<FrameFields, 'signAuthority' | 'signTitle'>): string[] {
  return [...frame.signAuthority.split('\n'), frame.signTitle].map(authorityLine).filter(Boolean);
}
