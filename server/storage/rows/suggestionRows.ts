/** Suggested edits as both stores read them back: SQLite and PostgreSQL give rows of this shape. */
import type { SuggestionState } from '../../../common/review.js';
import type { SuggestionRecord } from '../reviewStore.js';
import { anchorOf, type AnchorColumns } from './anchorColumns.js';
import { authorOf, type AuthorColumns } from './authorColumns.js';

export interface SuggestionRow extends AnchorColumns, AuthorColumns {
  id: string;
  replacement: string;
  created_at: string;
  state: SuggestionState;
  decided_by: string | null;
  decided_at: string | null;
}

export const toSuggestion = (row: SuggestionRow): SuggestionRecord => ({
  id: row.id,
  reportId: row.report_id,
  sectionId: row.section_id,
  anchor: anchorOf(row),
  quote: row.quote,
  replacement: row.replacement,
  author: authorOf(row),
  createdAt: row.created_at,
  state: row.state,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
});
