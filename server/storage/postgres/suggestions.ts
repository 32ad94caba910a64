/** Suggested edits in PostgreSQL (table in reviewSchema.ts). */
import type { SuggestionStore } from '../reviewStore.js';
import { toSuggestion, type SuggestionRow } from '../rows/suggestionRows.js';
import { appendAuditEntry } from './audit.js';
import type { PgDb } from './db.js';

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
