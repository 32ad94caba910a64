/**
 * Text as it may go into the Word file: Unicode NFC (PL I, "Phông chữ": TCVN 6909:2001 is precomposed
 * Unicode), and only characters XML 1.0 allows, since one forbidden character makes the whole file
 * unreadable. Whatever a client wrote into a room comes through here before it reaches the document.
 */

/**
 * Characters XML 1.0 forbids (its `Char` production allows #x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD and
 * #x10000–#x10FFFF): C0 controls but tab and line feed (carriage returns are made line feeds first), the
 * non-characters U+FFFE and U+FFFF, and surrogates without their pair. C1 controls (U+007F–U+009F) are
 * allowed by XML but mean nothing in a report and trip up some readers, so they go too.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` as clean NFC text; anything that is not a string is empty. Never throws. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').normalize('NFC');
}

/** Upper case as Vietnamese writes it (PL I: agency names, the type, Roman headings, the authority). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}
