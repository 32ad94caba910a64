/** `GET /api/reports/:id/checks` (common/api/checks.ts): the form checker on the rooms as the server stores them. */
import { api } from '../../../common/api/routes.js';
import type { CheckMode, Finding } from '../../../common/checks/finding.js';
import { call } from '../api/http.js';

/** The findings about a report as stored; `issue` adds what must hold when it is issued. */
export async function reportChecks(reportId: string, mode: CheckMode, signal?: AbortSignal): Promise<Finding[]> {
  // The route's schema (common/api/checks.ts) parses exactly the shape of common/checks/finding.ts.
  return (await call(api.reportChecks, { params: { id: reportId }, query: { for: mode === 'issue' ? 'issue' : undefined }, signal })) as Finding[];
}
