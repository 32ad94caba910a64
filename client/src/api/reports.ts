/** The report calls of the REST API. */
import { api } from '../../../common/api/routes.js';
import type { BodyOf } from '../../../common/api/route.js';
import type { Report, ReportListEntry, ReportSection } from '../../../common/report.js';
import { call } from './http.js';

/**
 * Every report the person may see, as `GET /api/reports` lists them, with how far each one's review has
 * come: those in use, or with `archived` those archived (issue 10, "Lưu trữ").
 */
export function listReports(signal?: AbortSignal, { archived = false }: { archived?: boolean } = {}): Promise<ReportListEntry[]> {
  return call(api.listReports, { signal, query: { archived: archived ? 'true' : undefined } });
}

/** One report with its sections. */
export function getReport(reportId: string, signal?: AbortSignal): Promise<Report> {
  return call(api.getReport, { params: { id: reportId }, signal });
}

/** What the office gives to create a report: the template, and a title (left out: the template's). */
export type CreateReportInput = BodyOf<typeof api.createReport>;

/** Creates a report from a template; the server seeds each section's starting content. */
export function createReport(input: CreateReportInput): Promise<Report> {
  return call(api.createReport, { body: input });
}

/**
 * Gives a section to a department, or takes it back (`null`: "Chưa giao"). The server mirrors the change
 * into the report's review room, so every page open on the report sees it at once.
 */
export function assignSection(reportId: string, sectionId: string, ownerDepartmentId: string | null): Promise<ReportSection> {
  return call(api.assignSection, { params: { id: reportId, sectionId }, body: { ownerDepartmentId } });
}
