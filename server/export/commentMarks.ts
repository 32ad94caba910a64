/**
 * Comment ranges laid onto a section body's ProseMirror JSON (issue 9: comments in the Word file): each
 * text node is cut where a range starts or ends, with the range's mark between the pieces, so that
 * `bodyBlocks.ts` gives Word runs that begin and end exactly at the commented text, across paragraphs when
 * it spans several. Ranges count characters of the body's text, every text node in document order
 * (`anchorOffsets.ts` counts the Yjs tree the same way); the cut is made before the text is cleaned, so
 * removed characters never shift it.
 */
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import type { AnchoredComment, CommentMark } from './exportModel.js';

/** Cuts the text nodes of one body at its comments' ranges. */
export interface CommentSplitter {
  /** A text node's text in pieces, with the marks of the ranges that start or end in it between them. */
  split(node: ProseMirrorJSON): Array<string | CommentMark>;
}

const textOf = (node: ProseMirrorJSON): string => (typeof node.text === 'string' ? node.text : '');

/** A body without comments: every text whole. */
export const NO_COMMENTS: CommentSplitter = { split: (node) => [textOf(node)] };

/** Where each text node of `body` starts in its text, walked in document order without recursion. */
function textStarts(body: ProseMirrorJSON): WeakMap<ProseMirrorJSON, number> {
  const starts = new WeakMap<ProseMirrorJSON, number>();
  // Rooms are written by clients: the body may be anything (`bodyBlocks.ts` then prints nothing of it).
  const stack: ProseMirrorJSON[] = typeof body === 'object' && body !== null ? [body] : [];
  let offset = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.text === 'string') {
      starts.set(node, offset);
      offset += node.text.length;
    }
    const children = Array.isArray(node.content) ? node.content : [];
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return starts;
}

interface Cut {
  at: number;
  mark: CommentMark;
}

/**
 * The marks inside `[start, end)` of the body's text: a range starts in the node holding its first
 * character and ends in the node holding its last, so a mark never falls between paragraphs. At one
 * place, ends come before starts: ranges that only touch do not overlap.
 */
function cutsIn(comments: readonly AnchoredComment[], start: number, end: number): Cut[] {
  const cuts: Cut[] = [];
  for (const { id, range } of comments) {
    if (range === null) continue;
    if (range.from >= start && range.from < end) cuts.push({ at: range.from - start, mark: { kind: 'commentStart', id } });
    if (range.to > start && range.to <= end) cuts.push({ at: range.to - start, mark: { kind: 'commentEnd', id } });
  }
  const rank = (cut: Cut) => (cut.mark.kind === 'commentEnd' ? 0 : 1);
  return cuts.sort((a, b) => a.at - b.at || rank(a) - rank(b));
}

/** Cuts the text nodes of `body` at the ranges of `comments` (those with none are left to the caller). */
export function commentSplitter(body: ProseMirrorJSON, comments: readonly AnchoredComment[]): CommentSplitter {
  if (!comments.some((comment) => comment.range !== null)) return NO_COMMENTS;
  const starts = textStarts(body);
  return {
    split(node) {
      const text = textOf(node);
      const start = starts.get(node);
      if (start === undefined) return [text];
      const pieces: Array<string | CommentMark> = [];
      let done = 0;
      for (const { at, mark } of cutsIn(comments, start, start + text.length)) {
        if (at > done) pieces.push(text.slice(done, at));
        pieces.push(mark);
        done = at;
      }
      if (done < text.length) pieces.push(text.slice(done));
      return pieces;
    },
  };
}
