/**
 * The head start (issue 12, item 7): the requests every page waits for, sent by the entry module as soon as
 * it runs — before React, the app and the report page's code have loaded — instead of one after the other
 * from the components that need them (the session check, then the departments, then the report, each after
 * the code before it had loaded and rendered). Measured with `npm run bench -- --open`: the report was asked
 * for ~750 ms after the navigation; see bench/README.md, "Opening a report".
 *
 * Each answer is taken once, by the first call of the API layer for the same path (http.ts): it stands for
 * that one call, never for a later one (a reload of the report after a refusal asks the server again). An
 * answer that is not a success is not taken: the call then asks the server itself, so that its errors — a
 * 401 that shows the login page, a 404 — are those of a call made now, after any login in between.
 *
 * Module state, on purpose and only here: the requests start before any component exists to hold them.
 * This module imports nothing heavy (no zod, no React), so the entry chunk that runs it stays small.
 */
import { parseRoute } from './routes.js';

/** Answers under way, by path; each removed when taken. */
const early = new Map<string, Promise<Response | undefined>>();

/**
 * The paths of `GET /api/me`, `GET /api/departments` and `GET /api/reports/:id` (common/api/routes.ts, not
 * imported: its schemas need zod). A path that drifts from the table is never taken: slower, not wrong.
 */
const ME_PATH = '/api/me';
const DEPARTMENTS_PATH = '/api/departments';
const reportPathOf = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}`;

/** Sends `GET path` as http.ts does (JSON, same-origin credentials); a failure becomes "not taken". */
function request(path: string): void {
  const answer = fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).then(
    (response) => (response.ok ? response : undefined),
    () => undefined,
  );
  early.set(path, answer);
}

/**
 * Sends what the page at `location` will ask for first: the account and the departments (every page but
 * the login page), and on a report's address the report itself.
 */
export function startHeadStart(location: Pick<Location, 'pathname' | 'search'>): void {
  const route = parseRoute(location.pathname, location.search);
  if (route.page === 'login') return;
  request(ME_PATH);
  request(DEPARTMENTS_PATH);
  if (route.page === 'report') request(reportPathOf(route.reportId));
}

/**
 * The answer sent early for `GET path`, once: resolves to the response when it succeeded, to undefined when
 * the caller must ask the server itself. Undefined at once when nothing was sent early for `path`.
 */
export function takeEarlyResponse(path: string): Promise<Response | undefined> | undefined {
  const answer = early.get(path);
  early.delete(path);
  return answer;
}

/** Forgets every answer not yet taken: they were asked for by the session that just ended or began. */
export function dropEarlyResponses(): void {
  early.clear();
}
