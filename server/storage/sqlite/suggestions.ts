/** Suggested edits in SQLite. */
import type { Database } from 'better-sqlite3';
import type { AuditRecord, SuggestionRecord, SuggestionStore } from '../reviewStore.js';
import { toSuggestion, type SuggestionRow } from '../rows/suggestionRows.js';
import type { SqliteAudit } from './audit.js';

export function sqliteSuggestions(db: Database, audit: SqliteAudit): SuggestionStore {
  const insert = db.prepare(
    `INSERT INTO suggestions (id, report_id, section_id, anchor_from, anchor_to, quote, replacement, author_id, author_name,
       author_department_id, created_at, state)
     VALUES (@id, @reportId, @sectionId, @from, @to, @quote, @replacement, @authorId, @authorName, @authorDepartmentId, @createdAt, 'open')`,
  );
  const select = db.prepare<[string, string], SuggestionRow>('SELECT * FROM suggestions WHERE report_id = ? AND id = ?');
  const selectAll = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE report_id = ? ORDER BY created_at, rowid');
  const decide = db.prepare<[string, string, string, string, string]>(
    `UPDATE suggestions SET state = ?, decided_by = ?, decided_at = ? WHERE report_id = ? AND id = ? AND state = 'open'`,
  );

  const create = db.transaction((suggestion: SuggestionRecord, entry: AuditRecord) => {
    insert.run({
      id: suggestion.id,
      reportId: suggestion.reportId,
      sectionId: suggestion.sectionId,
      from: suggestion.anchor.from,
      to: suggestion.anchor.to,
      quote: suggestion.quote,
      replacement: suggestion.replacement,
      authorId: suggestion.author.id,
      authorName: suggestion.author.displayName,
      authorDepartmentId: suggestion.author.departmentId,
      createdAt: suggestion.createdAt,
    });
    audit.append(entry);
  });
  const settle = db.transaction(
    (reportId: string, id: string, decision: { state: 'accepted' | 'rejected'; by: string; at: string }, entry: AuditRecord) => {
      if (decide.run(decision.state, decision.by, decision.at, reportId, id).changes === 0) return false;
      audit.append(entry);
      return true;
    },
  );

  return {
    async createSuggestion(suggestion, entry) {
      create(suggestion, entry);
    },
    async getSuggestion(reportId, id) {
      const row = select.get(reportId, id);
      return row ? toSuggestion(row) : null;
    },
    async listSuggestions(reportId) {
      return selectAll.all(reportId).map(toSuggestion);
    },
    async decideSuggestion(reportId, id, decision, entry) {
      return settle(reportId, id, decision, entry);
    },
  };
}
