/** The workflow calls of the REST API (issue 10): moving a report along its statuses, and the next free number. */
import { api } from '../../../common/api/routes.js';
import type { BodyOf } from '../../../common/api/route.js';
import type { NextNumber } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { call } from './http.js';

/** `{to}`, and when issuing the number and date (`YYYY-MM-DD`). */
export type StatusChange = BodyOf<typeof api.changeReportStatus>;

/**
 * Moves the report to another status. The server mirrors the new status into the review room before it
 * answers, so every page open on the report (this one included) sees it through the room.
 */
export function changeReportStatus(reportId: string, change: StatusChange): Promise<Report> {
  return call(api.changeReportStatus, { params: { id: reportId }, body: change });
}

/** The number the report would be issued with: the next free one of its symbol this year (the office). */
export function nextReportNumber(reportId: string, signal?: AbortSignal): Promise<NextNumber> {
  return call(api.nextReportNumber, { params: { id: reportId }, signal });
}
