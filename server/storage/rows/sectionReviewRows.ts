/** The chairperson's verdicts on sections as both stores read them back: SQLite and PostgreSQL give rows of this shape. */
import type { SectionReviewRecord } from '../reviewStore.js';

export interface ReviewRow {
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

export const toReview = (row: ReviewRow): SectionReviewRecord => ({
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
