/**
 * Word by word differences between two texts (issue 10, item 5: "insertions and deletions marked"): what a
 * changed paragraph kept, lost and gained, for `<del>` and `<ins>`. Texts are compared in Unicode NFC, so a
 * word typed with combining marks ("Việt" as e + ̣ + ̂) equals the same word precomposed.
 */
import { diffSequences } from './sequenceDiff.js';

/** `same`: in both; `deleted`: only before; `inserted`: only after. */
export type TextOp = 'same' | 'deleted' | 'inserted';

/** A stretch of text and whether it was kept, deleted or inserted. */
export interface TextChange {
  op: TextOp;
  text: string;
}

/** Words and the spaces between them, in order: joined, they give the text back (in NFC). */
export function wordTokens(text: string): string[] {
  return text.normalize('NFC').match(/\s+|\S+/gu) ?? [];
}

const isSpace = (token: string) => /^\s+$/u.test(token);

/**
 * The changes from `before` to `after`, word by word. Within a run of changes the deleted text comes first,
 * then the inserted, each whole: "cũ kỹ" → "mới" reads as `<del>cũ kỹ</del><ins>mới</ins>`, not as words
 * and spaces interleaved. Joining the `same` and `deleted` stretches gives `before`, the `same` and
 * `inserted` ones `after` (both in NFC).
 */
export function diffWords(before: string, after: string): TextChange[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  const changes: TextChange[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted !== '') changes.push({ op: 'deleted', text: deleted });
    if (inserted !== '') changes.push({ op: 'inserted', text: inserted });
    deleted = '';
    inserted = '';
  };
  const runs = diffSequences(a, b);
  runs.forEach((run, index) => {
    switch (run.op) {
      case 'delete':
        deleted += a.slice(run.aStart, run.aStart + run.count).join('');
        return;
      case 'insert':
        inserted += b.slice(run.bStart, run.bStart + run.count).join('');
        return;
      case 'equal': {
        const text = a.slice(run.aStart, run.aStart + run.count).join('');
        // A lone space between two changes belongs to the change: one deletion and one insertion, not four.
        const between = index > 0 && index < runs.length - 1 && run.count === 1 && isSpace(text);
        if (between) {
          deleted += text;
          inserted += text;
          return;
        }
        flush();
        const last = changes[changes.length - 1];
        if (last?.op === 'same') last.text += text;
        else changes.push({ op: 'same', text });
      }
    }
  });
  flush();
  return changes;
}

/**
 * How alike two texts are, from 0 (no word in common) to 1 (the same words in the same order): twice the
 * words they share in order over the words of both. Decides whether a deleted and an inserted paragraph
 * are one paragraph changed.
 */
export function wordSimilarity(before: string, after: string): number {
  const a = wordTokens(before).filter((token) => !isSpace(token));
  const b = wordTokens(after).filter((token) => !isSpace(token));
  if (a.length + b.length === 0) return 1;
  const shared = diffSequences(a, b)
    .filter((run) => run.op === 'equal')
    .reduce((sum, run) => sum + run.count, 0);
  return (2 * shared) / (a.length + b.length);
}
