/**
 * The fix that replaces `find` at `offset` of a text of the report by `replace`, in the form its place
 * takes: a whole frame field or recipient line set anew (each is one value in the frame's map), or a range of
 * a paragraph or heading replaced in place (its formatting kept).
 */
import type { Fix } from './finding.js';
import type { TextPlace } from './reportContent.js';

/** `text` with `[offset, offset + find.length)` replaced. */
export function spliced(text: string, offset: number, find: string, replace: string): string {
  return `${text.slice(0, offset)}${replace}${text.slice(offset + find.length)}`;
}

export function replaceFix(place: TextPlace, offset: number, find: string, replace: string): Fix {
  const { target, part, text } = place;
  switch (target.kind) {
    case 'field':
      return { kind: 'setField', part: 'frame', field: target.field, from: text, to: spliced(text, offset, find, replace) };
    case 'recipient':
      return { kind: 'setRecipient', part: 'frame', index: target.index, from: text, to: spliced(text, offset, find, replace) };
    case 'block':
      return { kind: 'replace', part, fragment: target.fragment, block: target.block, offset, find, replace };
    case 'recipients':
    case 'part':
      throw new Error(`replaceFix: ${target.kind} is not a text`);
  }
}
