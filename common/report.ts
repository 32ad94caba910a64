/** Reports as the REST API shows them (CONTRACT.md, "REST"). */

/** A report's place in the workflow: draft → review → approved → issued (DESIGN.md). */
export type ReportStatus = 'draft' | 'review' | 'approved' | 'issued';

export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'review', 'approved', 'issued'];

/** One main section of a report. */
export interface ReportSection {
  id: string;
  /** The Roman numeral shown before the title ("I"). */
  number: string;
  title: string;
  /** The department that writes it; null until the office assigns one. */
  ownerDepartmentId: string | null;
  /** The room that holds its body, `<reportId>/section/<sectionId>`. */
  room: string;
}

/** A report as `GET /api/reports` lists it. */
export interface ReportSummary {
  id: string;
  title: string;
  status: ReportStatus;
  templateId: string;
  docType: string;
  createdAt: string;
}

/** A report as `GET /api/reports/:id` and `POST /api/reports` return it. */
export interface Report extends ReportSummary {
  sections: ReportSection[];
}
