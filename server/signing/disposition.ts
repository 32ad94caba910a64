/**
 * The Content-Disposition of a stored file (RFC 6266): an ASCII name for every client, and the Vietnamese
 * one, UTF-8 percent-encoded (RFC 5987), for those that read `filename*` — every current browser does.
 */
import { stripDiacritics } from '../export/fileName.js';

/** RFC 5987 `value-chars`: UTF-8, percent-encoded but for `attr-char`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment` under `name` (made safe already: no controls, no folders). */
export function attachmentDisposition(name: string): string {
  const ascii = stripDiacritics(name).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
