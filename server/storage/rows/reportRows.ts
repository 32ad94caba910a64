/** Reports and their sections as both stores read them back: SQLite and PostgreSQL give rows of this shape. */
import type { ReportStatus } from '../../../common/report.js';
import type { ReportRecord, SectionRecord } from '../store.js';
import type { IssueSummary } from '../workflowStore.js';

/** A `reports` row joined with its `report_issues` row (without the file). */
export interface ReportRow {
  id: string;
  title: string;
  status: ReportStatus;
  template_id: string;
  doc_type: string;
  created_at: string;
  /** Issue 10, item 7: null unless archived. */
  archived_at: string | null;
  archived_by: string | null;
  /** From `report_issues` (issue 10): null until the report is issued. */
  issue_symbol: string | null;
  issue_year: number | null;
  issue_number: number | null;
  issue_date: string | null;
  issued_at: string | null;
  issued_by: string | null;
  issue_sha256: string | null;
}

export interface SectionRow {
  report_id: string;
  id: string;
  title: string;
  owner_department_id: string | null;
}

export const toSection = (row: SectionRow): SectionRecord => ({
  id: row.id,
  title: row.title,
  ownerDepartmentId: row.owner_department_id,
});

function issueOf(row: ReportRow): IssueSummary | null {
  if (row.issue_number === null) return null;
  return {
    reportId: row.id,
    symbol: row.issue_symbol!,
    year: row.issue_year!,
    number: row.issue_number,
    date: row.issue_date!,
    issuedAt: row.issued_at!,
    issuedBy: row.issued_by!,
    sha256: row.issue_sha256!,
  };
}

export const toReport = (row: ReportRow, sections: SectionRecord[]): ReportRecord => {
  const issue = issueOf(row);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    templateId: row.template_id,
    docType: row.doc_type,
    createdAt: row.created_at,
    sections,
    ...(issue ? { issue } : {}),
    ...(row.archived_at !== null ? { archived: { at: row.archived_at, by: row.archived_by ?? '' } } : {}),
  };
};
