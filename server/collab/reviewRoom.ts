/**
 * The review room (`<reportId>/review`) is written only by the server (DESIGN.md); clients read it.
 * Its keys, documented here as CONTRACT.md asks:
 *
 * - `Y.Map` `review`:
 *   - `status`: the report's workflow state, one of `draft`, `review`, `approved`, `issued`.
 *   - once issued (issue 10): `number` (as printed, `"05"`), `symbol` (`"BC-UBND"`), `date` (`YYYY-MM-DD`),
 *     `issuedAt` (ISO 8601), `issuedBy` (a user id) and `issuedSha256` (the hex SHA-256 of the Word file
 *     stored at issuing, which every download returns); absent before.
 *   - once a signed copy is uploaded (issue 10, item 4): `signedSha256`, the hex SHA-256 of the current
 *     one (server/signing/signedCopyRoom.ts); pages read its details from `GET …/signed/info` when it changes.
 * - `Y.Map` `owners`: section id → the id of the department that writes it, `''` when none. Mirrors the
 *   database (the authority) so every client sees a reassignment at once.
 * - `Y.Map` `threads` (issue 9): thread id → the comment thread as a JSON value, in the shape of
 *   `storedThreadSchema` (common/review.ts): `{id, sectionId, anchor: {from, to}, quote, author: {id,
 *   displayName, departmentId}, body, mentions: {departmentIds, userIds}, createdAt, resolved, resolvedBy,
 *   resolvedAt, replies: [{id, author, body, mentions, createdAt}]}`. The REST answers add `detached`
 *   and `unread`, which depend on the section's text and on the reader; a client computes `detached` from
 *   the section's document (common/anchors.ts, `isDetached`).
 * - `Y.Map` `suggestions` (issue 9): suggestion id → `storedSuggestionSchema`: `{id, sectionId, anchor,
 *   quote, replacement, author, createdAt, state: "open" | "accepted" | "rejected", decidedBy, decidedAt}`.
 * - `Y.Map` `sectionReviews` (issue 9): section id → the chairperson's verdict, `sectionReviewSchema`:
 *   `{state: "approved" | "returned" | "changed", note?, by?, byName?, at?, changedBy?, changedAt?}`; a
 *   section missing from the map is `none`.
 *
 * The last three mirror the database: each write puts in every entry that differs from it and removes
 * those it no longer has, so one write also mends anything an earlier, failed write left behind.
 */
import type * as Y from 'yjs';
import type { Report } from '../../common/report.js';
import type { SectionReview, StoredSuggestion, StoredThread } from '../../common/review.js';
import { OWNERS_MAP, REVIEW_STATE_MAP, SECTION_REVIEWS_MAP, SUGGESTIONS_MAP, THREADS_MAP } from '../../common/rooms.js';

export { OWNERS_MAP, REVIEW_STATE_MAP, SECTION_REVIEWS_MAP, SUGGESTIONS_MAP, THREADS_MAP };

/** What issuing fixed, as the `review` map carries it (issue 10). */
const ISSUE_KEYS = ['number', 'symbol', 'date', 'issuedAt', 'issuedBy', 'issuedSha256'] as const;

/** Writes the report's status (with what issuing fixed, once issued) and section owners into a review room's document. */
export function writeReviewState(doc: Y.Doc, report: Pick<Report, 'status' | 'sections' | (typeof ISSUE_KEYS)[number]>): void {
  const review = doc.getMap(REVIEW_STATE_MAP);
  if (review.get('status') !== report.status) review.set('status', report.status);
  for (const key of ISSUE_KEYS) {
    const value = report[key];
    if (value !== undefined && review.get(key) !== value) review.set(key, value);
  }
  const owners = doc.getMap<string>(OWNERS_MAP);
  for (const section of report.sections) {
    const owner = section.ownerDepartmentId ?? '';
    if (owners.get(section.id) !== owner) owners.set(section.id, owner);
  }
}

/** Everything of a report's review the room mirrors, as read from the database. */
export interface ReviewEntries {
  threads: readonly StoredThread[];
  suggestions: readonly StoredSuggestion[];
  /** Section id → verdict; sections not reviewed are left out. */
  sectionReviews: ReadonlyMap<string, SectionReview>;
}

/** Makes the room's `threads`, `suggestions` and `sectionReviews` equal to `entries`. */
export function writeReviewEntries(doc: Y.Doc, entries: ReviewEntries): void {
  mirrorMap(doc.getMap(THREADS_MAP), new Map(entries.threads.map((thread) => [thread.id, thread])));
  mirrorMap(doc.getMap(SUGGESTIONS_MAP), new Map(entries.suggestions.map((suggestion) => [suggestion.id, suggestion])));
  mirrorMap(doc.getMap(SECTION_REVIEWS_MAP), entries.sectionReviews);
}

/** Sets the keys whose JSON differs and deletes the keys `wanted` lacks; touches nothing else. */
function mirrorMap(map: Y.Map<unknown>, wanted: ReadonlyMap<string, object>): void {
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [key, value] of wanted) {
    // JSON text, so that an undefined field is dropped rather than stored, and equal values compare equal.
    const json = JSON.stringify(value);
    if (JSON.stringify(map.get(key)) !== json) map.set(key, JSON.parse(json) as unknown);
  }
}
