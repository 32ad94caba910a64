/** The report calls of the REST API. */
import type { Report, ReportSummary } from '../../../common/report.js';
import { isArrayOf, isReport, isReportSummary } from './guards.js';
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
