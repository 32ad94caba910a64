/**
 * Reports as the REST API shows them (CONTRACT.md, "REST"). The shapes are the zod schemas of the route
 * table (common/api/reports.ts); these are their types.
 */
import { reportStatusSchema, type ReportStatus } from './api/reports.js';

export type { Report, ReportListEntry, ReportSection, ReportStatus, ReportSummary } from './api/reports.js';

export const REPORT_STATUSES: readonly ReportStatus[] = reportStatusSchema.options;
