/**
 * Unicode NFC, the form every text of a report is stored in (ND30.md: TCVN 6909:2001 is precomposed
 * Unicode). Vietnamese typed with some input methods, or pasted from PDFs, arrives decomposed ("o" + U+0323
 * + U+0302 for "ộ"); these helpers bring it to NFC and keep the caret where the person left it.
 */

/** `text` in NFC. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/** True when `text` is already NFC (the common case: nothing to do). */
export function isNfc(text: string): boolean {
  return text === text.normalize('NFC');
}

/**
 * Where a caret at `offset` in `text` lands once `text` is NFC: the NFC length of what stands before it.
 * A caret between a letter and its combining marks moves to after the composed letter.
 */
export function nfcOffset(text: string, offset: number): number {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  let end = before.length;
  // Include the combining marks that follow the caret's letter, so the letter is composed whole.
  const marks = /^\p{M}+/u.exec(text.slice(end));
  if (marks !== null && end > 0) end += marks[0].length;
  return toNfc(text.slice(0, end)).length;
}

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
  const normal = toNfc(text);
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
  const insert = toNfc(text.slice(start, end));
  // Marks at the edges may reorder across them; then the whole text is the change.
  if (text.slice(0, start) + insert + text.slice(end) !== normal) return { start: 0, end: text.length, insert: normal };
  return { start, end, insert };
}
