/**
 * The passage a comment thread or a suggestion is attached to, as both stores keep it: the section, the
 * range as two Yjs relative positions (base64), and the text it covered when written.
 */
import type { Anchor } from '../../../common/review.js';

export interface AnchorColumns {
  report_id: string;
  section_id: string;
  anchor_from: string;
  anchor_to: string;
  quote: string;
}

export const anchorOf = (row: AnchorColumns): Anchor => ({ from: row.anchor_from, to: row.anchor_to });
