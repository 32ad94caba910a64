/** The report calls of the REST API. */
import type { Report, ReportSection, ReportSummary } from '../../../common/report.js';
import { isArrayOf, isReport, isReportSummary, isSectionOwner } from './guards.js';
import { requestJson } from './http.js';

/** Every report the person may see, as `GET /api/reports` lists them. */
export function listReports(signal?: AbortSignal): Promise<ReportSummary[]> {
  return requestJson('/api/reports', isArrayOf(isReportSummary), { signal });
}

/** One report with its sections. */
export function getReport(reportId: string, signal?: AbortSignal): Promise<Report> {
  return requestJson(`/api/reports/${encodeURIComponent(reportId)}`, isReport, { signal });
}

/** What the office gives to create a report. */
export interface CreateReportInput {
  /** The template the report starts from. */
  templateId: string;
  /** The report's title; the server picks one from the template when it is left out. */
  title?: string;
}

/** Creates a report from a template; the server seeds each section's starting content. */
export function createReport(input: CreateReportInput): Promise<Report> {
  return requestJson('/api/reports', isReport, { method: 'POST', json: input });
}

/**
 * Gives a section to a department, or takes it back (`null`: "Chưa giao"). The server mirrors the change
 * into the report's review room, so every page open on the report sees it at once.
 */
export function assignSection(
  reportId: string,
  sectionId: string,
  ownerDepartmentId: string | null,
): Promise<Pick<ReportSection, 'id' | 'ownerDepartmentId'>> {
  const path = `/api/reports/${encodeURIComponent(reportId)}/sections/${encodeURIComponent(sectionId)}`;
  return requestJson(path, isSectionOwner, { method: 'PUT', json: { ownerDepartmentId } });
}
