/** The chairperson's verdict on each section, in SQLite. */
import type { Database } from 'better-sqlite3';
import type { AuditRecord, ReviewProgress, SectionReviewRecord, SectionReviewStore } from '../reviewStore.js';
import { toReview, type ReviewRow } from '../rows/sectionReviewRows.js';
import type { SqliteAudit } from './audit.js';

export function sqliteSectionReviews(db: Database, audit: SqliteAudit): SectionReviewStore {
  const upsert = db.prepare(
    `INSERT INTO section_reviews (report_id, section_id, state, note, by_user, by_name, at, changed_by, changed_at)
     VALUES (@reportId, @sectionId, @state, @note, @by, @byName, @at, @changedBy, @changedAt)
     ON CONFLICT (report_id, section_id) DO UPDATE SET state = excluded.state, note = excluded.note, by_user = excluded.by_user,
       by_name = excluded.by_name, at = excluded.at, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
  );
  const select = db.prepare<[string, string], ReviewRow>('SELECT * FROM section_reviews WHERE report_id = ? AND section_id = ?');
  const selectAll = db.prepare<[string], ReviewRow>('SELECT * FROM section_reviews WHERE report_id = ?');
  const markChanged = db.prepare<[string, string, string, string]>(
    `UPDATE section_reviews SET state = 'changed', changed_by = ?, changed_at = ? WHERE report_id = ? AND section_id = ? AND state = 'approved'`,
  );
  const progress = db.prepare<[], { report_id: string; sections: number; approved: number }>(
    `SELECT s.report_id, COUNT(*) AS sections, COUNT(r.state) FILTER (WHERE r.state = 'approved') AS approved
     FROM report_sections s LEFT JOIN section_reviews r ON r.report_id = s.report_id AND r.section_id = s.id
     GROUP BY s.report_id`,
  );

  const set = db.transaction((review: SectionReviewRecord, entry: AuditRecord) => {
    upsert.run(review);
    audit.append(entry);
  });
  const change = db.transaction((reportId: string, sectionId: string, by: string, at: string, entry: AuditRecord) => {
    if (markChanged.run(by, at, reportId, sectionId).changes === 0) return null;
    audit.append(entry);
    return toReview(select.get(reportId, sectionId)!);
  });

  return {
    async setSectionReview(review, entry) {
      set(review, entry);
    },
    async getSectionReview(reportId, sectionId) {
      const row = select.get(reportId, sectionId);
      return row ? toReview(row) : null;
    },
    async listSectionReviews(reportId) {
      return selectAll.all(reportId).map(toReview);
    },
    async markSectionChanged(reportId, sectionId, { by, at }, entry) {
      return change(reportId, sectionId, by, at, entry);
    },
    async reviewProgress() {
      return new Map<string, ReviewProgress>(progress.all().map((row) => [row.report_id, { sections: row.sections, approved: row.approved }]));
    },
  };
}
