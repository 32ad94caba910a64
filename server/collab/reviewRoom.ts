/**
 * The review room (`<reportId>/review`) is written only by the server (DESIGN.md); clients read it.
 * Its keys, documented here as CONTRACT.md asks:
 *
 * - `Y.Map` `review`:
 *   - `status`: the report's workflow state, one of `draft`, `review`, `approved`, `issued`.
 *
 * Comment threads and section review states are added by the review issue, as further keys.
 */
export const REVIEW_STATE_MAP = 'review';
