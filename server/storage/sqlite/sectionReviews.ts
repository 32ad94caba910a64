/** The chairperson's verdict on each section, in SQLite. */
import type { Database } from 'better-sqlite3';
import type { AuditRecord, ReviewProgress, ReviewStore, SectionReviewRecord } from '../reviewStore.js';
import type { SqliteAudit } from './audit.js';

interface ReviewRow {
  report_id: string;
  section_id: string;
  state: SectionReviewRecord['state'];
  note: string | null;
  by_user: string;
  by_name: string;
  at: string;
  changed_by: string | null;
  changed_at: string | null;
}

type SectionReviewStore = Pick<
  ReviewStore,
  'setSectionReview' | 'getSectionReview' | 'listSectionReviews' | 'markSectionChanged' | 'reviewProgress'
>;

const toReview = (row: ReviewRow): SectionReviewRecord => ({
  reportId: row.report_id,
  sectionId: row.section_id,
  state: row.state,
  note: row.note,
  by: row.by_user,
  byName: row.by_name,
  at: row.at,
  changedBy: row.changed_by,
  changedAt: row.changed_at,
});

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
