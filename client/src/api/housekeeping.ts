/** Report housekeeping over REST (issue 10, item 7): rename, archive, copy, delete — the office's calls. */
import { api } from '../../../common/api/routes.js';
import type { Report } from '../../../common/report.js';
import { call } from './http.js';

/** Renames a report: its title, and the frame's subject for everyone connected. */
export function renameReport(reportId: string, title: string): Promise<Report> {
  return call(api.updateReport, { params: { id: reportId }, body: { title } });
}

/** Archives (hidden from the default list) or unarchives a report. */
export function setReportArchived(reportId: string, archived: boolean): Promise<Report> {
  return call(api.updateReport, { params: { id: reportId }, body: { archived } });
}

/** A new draft with the report's content and assignments, "… (bản sao)". */
export function copyReport(reportId: string): Promise<Report> {
  return call(api.copyReport, { params: { id: reportId } });
}

/** Deletes a draft and everything of it. */
export function deleteReport(reportId: string): Promise<void> {
  return call(api.deleteReport, { params: { id: reportId } });
}
