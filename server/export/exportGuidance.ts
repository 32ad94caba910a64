/**
 * Guidance never prints (issue 12, item 1). Reports created before guidance became a placeholder hold it
 * as paragraphs of text; the export reads each body without them (common/guidance.ts), and moves the
 * review's comment ranges, counted in the body's text as it was, to the text that is left.
 */
import { offsetWithout, withoutGuidance, type PlaceGuidance } from '../../common/guidance.js';
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import type { AnchoredComment } from './exportModel.js';

/** A comment's range in the body once guidance is out; null when it covered guidance only. */
function movedRange(range: AnchoredComment['range'], removed: ReadonlyArray<readonly [number, number]>): AnchoredComment['range'] {
  if (range === null || removed.length === 0) return range;
  const from = offsetWithout(removed, range.from);
  const to = offsetWithout(removed, range.to);
  return from < to ? { from, to } : null;
}

/** A body and its comments, guidance taken out. */
export function bodyWithoutGuidance(
  body: ProseMirrorJSON,
  place: PlaceGuidance | undefined,
  comments?: AnchoredComment[],
): { body: ProseMirrorJSON; comments?: AnchoredComment[] } {
  if (place === undefined) return comments === undefined ? { body } : { body, comments };
  const free = withoutGuidance(body, place);
  if (comments === undefined) return { body: free.body };
  return { body: free.body, comments: comments.map((comment) => ({ ...comment, range: movedRange(comment.range, free.removed) })) };
}
