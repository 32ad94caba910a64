/**
 * The smallest change that brings a text to Unicode NFC (ND30.md: TCVN 6909:2001 is precomposed Unicode):
 * the browser's editor normalises what is typed with it, and the server repairs with it whatever a client
 * stored decomposed (server/collab/nfcRepair.ts). Replacing only the part that changes keeps everything
 * around it — marks, carets, others' concurrent edits — untouched.
 */

/** The smallest change that turns `from` into `to`: `[start, endInFrom)` of `from` is replaced by `insert`. */
export interface TextChange {
  start: number;
  end: number;
  insert: string;
}

/**
 * The part of `text` that NFC changes, as the smallest replacement (common prefix and suffix kept), or
 * null when `text` is NFC. Replacing only that part keeps everything around it — marks, carets, others'
 * concurrent edits — untouched.
 */
export function nfcChange(text: string): TextChange | null {
  const normal = text.normalize('NFC');
  if (normal === text) return null;
  let start = 0;
  while (start < text.length && start < normal.length && text[start] === normal[start]) start += 1;
  let end = text.length;
  let normalEnd = normal.length;
  while (end > start && normalEnd > start && text[end - 1] === normal[normalEnd - 1]) {
    end -= 1;
    normalEnd -= 1;
  }
  // A base letter kept in the prefix may compose with a mark in the change: take it into the change.
  if (start > 0 && /\p{M}/u.test(text[start] ?? '')) start -= 1;
  const insert = text.slice(start, end).normalize('NFC');
  // Marks at the edges may reorder across them; then the whole text is the change.
  if (text.slice(0, start) + insert + text.slice(end) !== normal) return { start: 0, end: text.length, insert: normal };
  return { start, end, insert };
}
