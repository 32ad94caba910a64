/**
 * Keeping every comment of the Word file anchored (issue 9). Word wants each comment's range start, then
 * its end, once each; a file with a range half there may be refused or lose the comment. The marks laid
 * into a section's runs (`commentMarks.ts`) can go missing where the export prints no text — a paragraph of
 * blanks, or what the closing mark "./." trims — so what is incomplete is pinned to the section's heading,
 * with the notes whose text was deleted, and the closing mark keeps what it trims.
 */
import { isCommentMark, type AnchoredComment, type Block, type CommentMark, type Inline, type ParagraphBlock } from './exportModel.js';

/** Where a mark lies: its block, and its run in that block. */
type Place = readonly [block: number, inline: number];

const before = (a: Place, b: Place) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The ids whose start and end are each there once, the start first. */
function completeIds(blocks: readonly Block[]): Set<number> {
  const places = new Map<number, { starts: Place[]; ends: Place[] }>();
  blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'paragraph') return;
    block.inlines.forEach((inline, inlineIndex) => {
      if (!isCommentMark(inline)) return;
      const entry = places.get(inline.id) ?? { starts: [], ends: [] };
      (inline.kind === 'commentStart' ? entry.starts : entry.ends).push([blockIndex, inlineIndex]);
      places.set(inline.id, entry);
    });
  });
  const complete = new Set<number>();
  for (const [id, { starts, ends }] of places) {
    if (starts.length === 1 && ends.length === 1 && before(starts[0]!, ends[0]!)) complete.add(id);
  }
  return complete;
}

const pin = (id: number): CommentMark[] => [
  { kind: 'commentStart', id },
  { kind: 'commentEnd', id },
];

/**
 * A section's blocks (its heading first) with its comments anchored: those whose range is whole in the
 * runs stay; the others — text deleted, or marks lost — lose any marks and are pinned to the start of the
 * heading.
 */
export function placeSectionComments(blocks: readonly Block[], comments: readonly AnchoredComment[]): Block[] {
  if (comments.length === 0) return [...blocks];
  const complete = completeIds(blocks);
  const keep = (inline: Inline) => !isCommentMark(inline) || complete.has(inline.id);
  const placed = blocks.map((block) => (block.kind === 'paragraph' ? { ...block, inlines: block.inlines.filter(keep) } : block));
  const pinned = comments.filter((comment) => !complete.has(comment.id)).flatMap((comment) => pin(comment.id));
  const heading = placed[0];
  if (pinned.length > 0 && heading?.kind === 'paragraph') placed[0] = { ...heading, inlines: [...pinned, ...heading.inlines] };
  return placed;
}

/** Where the runs after the paragraph's last text begin: what a closing mark may trim. */
function trailingFrom(inlines: readonly Inline[]): number {
  let index = inlines.length;
  while (index > 0) {
    const inline = inlines[index - 1]!;
    if (inline.kind === 'text' && inline.text.trim() !== '') break;
    index -= 1;
  }
  return index;
}

/**
 * `close` (which ends the body with "./.", trimming what follows its last text) applied to the body, with
 * the comment marks after the last text set aside and put back after it: a comment on the report's last
 * words keeps its end (its range then takes in the "./.").
 */
export function closeKeepingMarks(blocks: readonly Block[], close: (blocks: readonly Block[]) => Block[]): Block[] {
  const lastIndex = blocks.length - 1;
  const last = blocks[lastIndex];
  if (last?.kind !== 'paragraph') return close(blocks);
  const from = trailingFrom(last.inlines);
  const trailing = last.inlines.slice(from).filter(isCommentMark);
  if (trailing.length === 0) return close(blocks);
  const bare: ParagraphBlock = { ...last, inlines: last.inlines.filter((inline, index) => index < from || !isCommentMark(inline)) };
  const closed = close([...blocks.slice(0, lastIndex), bare]);
  const target = closed[lastIndex];
  if (target?.kind !== 'paragraph') return closed;
  return closed.map((block, index) => (index === lastIndex ? { ...target, inlines: [...target.inlines, ...trailing] } : block));
}
