/**
 * Anchors against the live section documents (common/anchors.ts does the reading): checking the anchor of
 * a new comment or suggestion, telling which anchors are detached, and replacing a suggestion's text.
 */
import type * as Y from 'yjs';
import { anchoredTextRange, decodeAnchorPosition, formattingAt, resolveAnchor, resolveAnchorPosition } from '../../common/anchors.js';
import type { Anchor } from '../../common/review.js';
import { invalidAnchor, suggestionNotInOneParagraph, suggestionStale } from './reviewErrors.js';
import type { ReviewRooms } from './reviewRooms.js';

/** Refuses (400) an anchor that does not decode, does not point into this section's text, or covers nothing. */
export function checkNewAnchor(doc: Y.Doc, anchor: Anchor): void {
  for (const side of ['from', 'to'] as const) {
    const position = decodeAnchorPosition(anchor[side]);
    if (position === null) throw invalidAnchor(`"${side}" is not an encoded Yjs relative position`);
    if (resolveAnchorPosition(doc, position) === null) throw invalidAnchor(`"${side}" is not a place in this section’s text`);
  }
  if (resolveAnchor(doc, anchor)?.detached !== false) throw invalidAnchor('it covers no text (its end is not after its start)');
}

/**
 * Checks the anchor of a new suggestion: a valid anchor (400), within one paragraph (400), over text that
 * reads `quote` now (409 `suggestion_stale`).
 */
export function checkSuggestedRange(doc: Y.Doc, anchor: Anchor, quote: string): void {
  checkNewAnchor(doc, anchor);
  const range = anchoredTextRange(doc, anchor);
  if (range === null) throw suggestionNotInOneParagraph();
  if (range.content.normalize('NFC') !== quote) throw suggestionStale();
}

/**
 * Replaces the anchored text with `replacement` (with the marks of its first character), if it still
 * reads `quote`; throws 409 `suggestion_stale`, changing nothing, if it does not. Run inside a room's change.
 */
export function replaceAnchoredText(doc: Y.Doc, anchor: Anchor, quote: string, replacement: string): void {
  const range = anchoredTextRange(doc, anchor);
  if (range === null || range.content.normalize('NFC') !== quote) throw suggestionStale();
  const marks = formattingAt(range.text, range.start);
  range.text.delete(range.start, range.end - range.start);
  if (replacement.length > 0) range.text.insert(range.start, replacement, marks);
}

/** Something anchored in a section. */
export interface Anchored {
  id: string;
  sectionId: string;
  anchor: Anchor;
}

/** Id → whether its anchored text is gone, read from each section's live document once. */
export async function detachedAnchors(rooms: ReviewRooms, reportId: string, items: readonly Anchored[]): Promise<Map<string, boolean>> {
  const bySection = new Map<string, Anchored[]>();
  for (const item of items) bySection.set(item.sectionId, [...(bySection.get(item.sectionId) ?? []), item]);
  const detached = new Map<string, boolean>();
  await Promise.all(
    [...bySection].map(([sectionId, inSection]) =>
      rooms.readSection(reportId, sectionId, (doc) => {
        for (const item of inSection) detached.set(item.id, resolveAnchor(doc, item.anchor)?.detached ?? true);
      }),
    ),
  );
  return detached;
}
