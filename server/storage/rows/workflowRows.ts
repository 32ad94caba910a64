/** Named versions of a report as both stores read them back: SQLite and PostgreSQL give rows of this shape. */
import type { ReportStatus } from '../../../common/report.js';
import type { VersionSummary } from '../workflowStore.js';

/** A `report_versions` row (its rooms' states are in `report_version_rooms`). */
export interface VersionRow {
  id: string;
  report_id: string;
  label: string;
  kind: VersionSummary['kind'];
  status: ReportStatus;
  created_at: string;
  created_by: string | null;
  created_by_name: string | null;
}

export const toVersion = (row: VersionRow): VersionSummary => ({
  id: row.id,
  reportId: row.report_id,
  label: row.label,
  kind: row.kind,
  status: row.status,
  createdAt: row.created_at,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
});
