/** The chairperson's verdict on each section, in PostgreSQL (table in reviewSchema.ts). */
import type { ReviewProgress, SectionReviewStore } from '../reviewStore.js';
import { toReview, type ReviewRow } from '../rows/sectionReviewRows.js';
import { appendAuditEntry } from './audit.js';
import type { PgDb } from './db.js';

const REVIEW_COLUMNS = 'report_id, section_id, state, note, by_user, by_name, at, changed_by, changed_at';

export function pgSectionReviews(db: PgDb): SectionReviewStore {
  return {
    async setSectionReview(review, entry) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO section_reviews (${REVIEW_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (report_id, section_id) DO UPDATE SET state = excluded.state, note = excluded.note, by_user = excluded.by_user,
             by_name = excluded.by_name, at = excluded.at, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
          [review.reportId, review.sectionId, review.state, review.note, review.by, review.byName, review.at, review.changedBy, review.changedAt],
        );
        await appendAuditEntry(tx, entry);
      });
    },
    async getSectionReview(reportId, sectionId) {
      const { rows } = await db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM section_reviews WHERE report_id = $1 AND section_id = $2`, [
        reportId,
        sectionId,
      ]);
      return rows[0] ? toReview(rows[0]) : null;
    },
    async listSectionReviews(reportId) {
      const { rows } = await db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM section_reviews WHERE report_id = $1`, [reportId]);
      return rows.map(toReview);
    },
    // Once: an edit stored at the same moment waits for this row, then finds it no longer approved.
    async markSectionChanged(reportId, sectionId, { by, at }, entry) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<ReviewRow>(
          `UPDATE section_reviews SET state = 'changed', changed_by = $1, changed_at = $2
           WHERE report_id = $3 AND section_id = $4 AND state = 'approved' RETURNING ${REVIEW_COLUMNS}`,
          [by, at, reportId, sectionId],
        );
        if (rows.length === 0) return null;
        await appendAuditEntry(tx, entry);
        return toReview(rows[0]!);
      });
    },
    async reviewProgress() {
      const { rows } = await db.query<{ report_id: string; sections: number; approved: number }>(
        `SELECT s.report_id, COUNT(*) AS sections, COUNT(r.state) FILTER (WHERE r.state = 'approved') AS approved
         FROM report_sections s LEFT JOIN section_reviews r ON r.report_id = s.report_id AND r.section_id = s.id
         GROUP BY s.report_id`,
      );
      return new Map<string, ReviewProgress>(rows.map((row) => [row.report_id, { sections: row.sections, approved: row.approved }]));
    },
  };
}
