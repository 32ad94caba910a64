/**
 * The review room (`<reportId>/review`) is written only by the server (DESIGN.md); clients read it.
 * Its keys, documented here as CONTRACT.md asks:
 *
 * - `Y.Map` `review`:
 *   - `status`: the report's workflow state, one of `draft`, `review`, `approved`, `issued`.
 * - `Y.Map` `owners`: section id → the id of the department that writes it, `''` when none. Mirrors the
 *   database (the authority) so every client sees a reassignment at once.
 *
 * Comment threads and section review states are added by the review issue, as further keys.
 */
import type * as Y from 'yjs';
import type { Report } from '../../common/report.js';
import { OWNERS_MAP, REVIEW_STATE_MAP } from '../../common/rooms.js';

export { OWNERS_MAP, REVIEW_STATE_MAP };

/** Writes the report's status and section owners into a review room's document. */
export function writeReviewState(doc: Y.Doc, report: Pick<Report, 'status' | 'sections'>): void {
  const review = doc.getMap(REVIEW_STATE_MAP);
  if (review.get('status') !== report.status) review.set('status', report.status);
  const owners = doc.getMap<string>(OWNERS_MAP);
  for (const section of report.sections) {
    const owner = section.ownerDepartmentId ?? '';
    if (owners.get(section.id) !== owner) owners.set(section.id, owner);
  }
}
