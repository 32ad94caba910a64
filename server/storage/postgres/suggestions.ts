/** Suggested edits in PostgreSQL (table in reviewSchema.ts). */
import type { SuggestionState } from '../../../common/review.js';
import type { ReviewStore, SuggestionRecord } from '../reviewStore.js';
import { appendAuditEntry } from './audit.js';
import type { PgDb } from './db.js';

interface SuggestionRow {
  id: string;
  report_id: string;
  section_id: string;
  anchor_from: string;
  anchor_to: string;
  quote: string;
  replacement: string;
  author_id: string;
  author_name: string;
  author_department_id: string | null;
  created_at: string;
  state: SuggestionState;
  decided_by: string | null;
  decided_at: string | null;
}

type SuggestionStore = Pick<ReviewStore, 'createSuggestion' | 'getSuggestion' | 'listSuggestions' | 'decideSuggestion'>;

const toSuggestion = (row: SuggestionRow): SuggestionRecord => ({
  id: row.id,
  reportId: row.report_id,
  sectionId: row.section_id,
  anchor: { from: row.anchor_from, to: row.anchor_to },
  quote: row.quote,
  replacement: row.replacement,
  author: { id: row.author_id, displayName: row.author_name, departmentId: row.author_department_id },
  createdAt: row.created_at,
  state: row.state,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
});

const SELECT_SUGGESTIONS = `SELECT id, report_id, section_id, anchor_from, anchor_to, quote, replacement, author_id, author_name,
  author_department_id, created_at, state, decided_by, decided_at FROM suggestions`;

export function pgSuggestions(db: PgDb): SuggestionStore {
  return {
    async createSuggestion(suggestion, entry) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO suggestions (id, report_id, section_id, anchor_from, anchor_to, quote, replacement, author_id, author_name,
             author_department_id, created_at, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open')`,
          [
            suggestion.id,
            suggestion.reportId,
            suggestion.sectionId,
            suggestion.anchor.from,
            suggestion.anchor.to,
            suggestion.quote,
            suggestion.replacement,
            suggestion.author.id,
            suggestion.author.displayName,
            suggestion.author.departmentId,
            suggestion.createdAt,
          ],
        );
        await appendAuditEntry(tx, entry);
      });
    },
    async getSuggestion(reportId, id) {
      const { rows } = await db.query<SuggestionRow>(`${SELECT_SUGGESTIONS} WHERE report_id = $1 AND id = $2`, [reportId, id]);
      return rows[0] ? toSuggestion(rows[0]) : null;
    },
    async listSuggestions(reportId) {
      const { rows } = await db.query<SuggestionRow>(`${SELECT_SUGGESTIONS} WHERE report_id = $1 ORDER BY created_at, seq`, [reportId]);
      return rows.map(toSuggestion);
    },
    // Decided once: a decision made at the same moment waits for this row, then finds it no longer open.
    async decideSuggestion(reportId, id, decision, entry) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query(
          `UPDATE suggestions SET state = $1, decided_by = $2, decided_at = $3 WHERE report_id = $4 AND id = $5 AND state = 'open'`,
          [decision.state, decision.by, decision.at, reportId, id],
        );
        if (rowCount === 0) return false;
        await appendAuditEntry(tx, entry);
        return true;
      });
    },
  };
}
