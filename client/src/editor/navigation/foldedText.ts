/**
 * Accent-insensitive search in a section's document (issue 12, item 3): "Dien hinh" finds "Điển hình",
 * "dien" finds "Điện". Both the text and the query are folded letter by letter — decomposed, their marks
 * dropped, "đ" read as "d", lower case — and a match in the folded text is mapped back to the document
 * positions of the letters it covers. Text is searched one textblock at a time: a match never spans two
 * paragraphs.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** A match: `[from, to)` in document positions. */
export interface TextMatch {
  from: number;
  to: number;
}

/** One letter (a code point) folded: its base letters in lower case, no marks, "đ" as "d". */
export function foldLetter(letter: string): string {
  return letter
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** A whole text folded (what a query is compared as). */
export function foldText(text: string): string {
  let folded = '';
  for (const letter of text) folded += foldLetter(letter);
  return folded;
}

/** A textblock's folded text, and for each folded unit the document range of the letter it came from. */
interface FoldedBlock {
  text: string;
  from: number[];
  to: number[];
}

/** Folds the textblock at `start` (its content's first position); inline nodes that are not text read as a line break. */
function foldBlock(block: ProseMirrorNode, start: number): FoldedBlock {
  const folded: FoldedBlock = { text: '', from: [], to: [] };
  const push = (piece: string, from: number, to: number) => {
    // A mark on its own (decomposed text) folds to nothing: it belongs with the letter before it.
    if (piece === '' && folded.to.length > 0) folded.to[folded.to.length - 1] = to;
    folded.text += piece;
    for (let unit = 0; unit < piece.length; unit += 1) {
      folded.from.push(from);
      folded.to.push(to);
    }
  };
  block.forEach((child, offset) => {
    const at = start + offset;
    if (!child.isText) {
      push('\n', at, at + child.nodeSize);
      return;
    }
    let position = at;
    for (const letter of child.text ?? '') {
      push(foldLetter(letter), position, position + letter.length);
      position += letter.length;
    }
  });
  return folded;
}

/** Every match of `query` in `doc`, in document order, not overlapping; none for a blank query. */
export function findMatches(doc: ProseMirrorNode, query: string): TextMatch[] {
  const needle = foldText(query);
  if (needle.trim() === '') return [];
  const matches: TextMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const block = foldBlock(node, pos + 1);
    let index = block.text.indexOf(needle);
    while (index !== -1) {
      matches.push({ from: block.from[index]!, to: block.to[index + needle.length - 1]! });
      index = block.text.indexOf(needle, index + needle.length);
    }
    return false;
  });
  return matches;
}
