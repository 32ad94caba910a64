/**
 * The signed copy of an issued report (issue 10, item 4): the file the office uploads once the report is
 * signed — a digitally signed PDF, or a scan of the signed paper — stored unchanged. What it may be, how
 * large, and how its name is made safe, for the server (which enforces it) and the client (which says so
 * before sending 50 MB for nothing).
 */
import type { Role } from './access.js';
import { canIssue } from './workflow.js';

/** The largest signed copy, in bytes (50 MB): a scan of a long report at 300 dpi fits well. */
export const MAX_SIGNED_COPY_BYTES = 50 * 1024 * 1024;

/** What a signed copy may be: a PDF (signed or not) or a scanned image. */
export const SIGNED_COPY_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;
export type SignedCopyType = (typeof SIGNED_COPY_TYPES)[number];

/** A declared type that says nothing about the file (a browser's for an unknown extension): the bytes decide. */
export const UNKNOWN_FILE_TYPE = 'application/octet-stream';

/**
 * The request header the file's name travels in, as UTF-8 percent-encoded (`encodeURIComponent`): a
 * header carries only Latin-1, and the names are Vietnamese.
 */
export const FILE_NAME_HEADER = 'X-File-Name';

/**
 * The key of the review room's `review` map holding the SHA-256 of the current signed copy: the server sets
 * it at every upload, and every open page of the report fetches the copy's description when it changes.
 */
export const SIGNED_SHA256_KEY = 'signedSha256';

/** How many leading bytes {@link sniffSignedCopyType} reads. */
export const SNIFF_BYTES = 8;

/** The extension each type is saved under, then the others it is known by. */
const EXTENSIONS: Record<SignedCopyType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/tiff': ['.tif', '.tiff'],
};

/** Each type's signature at the file's start (ISO 32000 §7.5.2; the PNG, JFIF/EXIF and TIFF 6.0 headers). */
const MAGIC: ReadonlyArray<[SignedCopyType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/tiff', [0x49, 0x49, 0x2a, 0x00]], // II*␀, little-endian
  ['image/tiff', [0x4d, 0x4d, 0x00, 0x2a]], // MM␀*, big-endian
  ['image/tiff', [0x49, 0x49, 0x2b, 0x00]], // BigTIFF
  ['image/tiff', [0x4d, 0x4d, 0x00, 0x2b]],
];

/** True for the types a signed copy may have. */
export function isSignedCopyType(type: string): type is SignedCopyType {
  return (SIGNED_COPY_TYPES as readonly string[]).includes(type);
}

/** The type the file's first bytes say it is, or null when they are none of {@link SIGNED_COPY_TYPES}. */
export function sniffSignedCopyType(head: Uint8Array): SignedCopyType | null {
  for (const [type, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((byte, index) => head[index] === byte)) return type;
  }
  return null;
}

/**
 * The media type a request declares, lower-case without parameters (`Image/PNG; x=y` → `image/png`); an
 * absent one reads as {@link UNKNOWN_FILE_TYPE}.
 */
export function declaredType(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === '' ? UNKNOWN_FILE_TYPE : type;
}

/** Who uploads the signed copy: the office (and the admin), who issued the report. */
export function canUploadSignedCopy(role: Role): boolean {
  return canIssue(role);
}

/** The longest file name kept, in characters (the extension included). */
export const MAX_FILE_NAME_LENGTH = 150;

/** The name a copy gets when it came without one, before its extension. */
export const FALLBACK_FILE_NAME = 'ban-da-ky';

/**
 * A file name that is safe to store and to send back in Content-Disposition: NFC, without any folder
 * part, control characters or characters Windows refuses in names, at most {@link MAX_FILE_NAME_LENGTH}
 * characters, ending in an extension of `type` (added when it has none of them).
 */
export function safeFileName(name: string, type: SignedCopyType): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base
    // Controls, the characters Windows refuses in names, and the direction marks that disguise an extension.
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const own = EXTENSIONS[type].find((candidate) => clean.toLowerCase().endsWith(candidate));
  const extension = own ? clean.slice(clean.length - own.length) : EXTENSIONS[type][0]!;
  const stem = own ? clean.slice(0, clean.length - own.length) : clean;
  // Cut by code points, so that a character outside the BMP is never split in half.
  const cut = Array.from(stem).slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('').replace(/[\s.]+$/, '');
  return `${cut || FALLBACK_FILE_NAME}${extension}`;
}
