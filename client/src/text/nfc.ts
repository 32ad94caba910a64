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

export { nfcChange, type TextChange } from '../../../common/nfc.js';
