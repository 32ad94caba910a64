/**
 * Words in Vietnamese text, for the rules that look for them: whole-word matching (a letter, a combining
 * mark or a digit on either side means inside a word), case in Vietnamese, and where a sentence starts.
 */

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether `text[from, to)` is a whole word (or words): no letter or digit touches either end. */
export function isWholeWord(text: string, from: number, to: number): boolean {
  const before = from > 0 ? text[from - 1]! : '';
  const after = to < text.length ? text[to]! : '';
  return !WORD_CHAR.test(before) && !WORD_CHAR.test(after);
}

export const lower = (text: string): string => text.toLocaleLowerCase('vi');
export const upper = (text: string): string => text.toLocaleUpperCase('vi');

/** "huyện" → "Huyện". */
export function capitalised(text: string): string {
  return text === '' ? text : `${upper(text[0]!)}${text.slice(1)}`;
}

function caseOf(word: string): 'lower' | 'upper' | 'title' | 'mixed' {
  if (word === lower(word)) return 'lower';
  if (word === upper(word)) return word.length > 1 || /\p{L}/u.test(word) ? 'upper' : 'lower';
  if (word === capitalised(lower(word))) return 'title';
  return 'mixed';
}

function withCase(word: string, pattern: ReturnType<typeof caseOf>): string {
  switch (pattern) {
    case 'lower':
      return word;
    case 'upper':
      return upper(word);
    case 'title':
      return capitalised(word);
    case 'mixed':
      return word;
  }
}

/**
 * `replacement` (written in lower case, or as a proper name) in the case of `found`: all capitals stay all
 * capitals ("DIỄN HÌNH" → "ĐIỂN HÌNH"); word by word when both have as many words ("Lắp Vò" → "Lấp Vò",
 * "Diễn hình" → "Điển hình"); else the first letter's case ("trên địa Huyện" → "trên địa bàn huyện").
 */
export function inCaseOf(found: string, replacement: string): string {
  const foundWords = found.split(/\s+/);
  const words = replacement.split(/\s+/);
  const whole = caseOf(found.replace(/\s+/g, ''));
  if (whole === 'upper' && found.replace(/[^\p{L}]/gu, '').length > 1) return upper(replacement);
  if (foundWords.length === words.length) {
    return words.map((word, index) => (caseOf(word) === 'lower' ? withCase(word, caseOf(foundWords[index]!)) : word)).join(' ');
  }
  const first = caseOf(foundWords[0]!);
  return first === 'title' || first === 'upper' ? capitalised(replacement) : replacement;
}

/**
 * Whether `offset` of `text` starts a sentence or a clause: the text's start, or after ".", "!", "?", "…",
 * ":" or a line break, with only spaces and opening quotes or brackets between.
 */
export function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).replace(/[\s“"‘'(«]+$/u, '');
  return before === '' || /[.!?…:\n]$/u.test(before);
}
