/**
 * Helpers of the workflow tests (issue 10): a server with the seeded workspace signed in, the agency symbol
 * UBND, a clock the test moves, and reports whose `tham-muu` is noivu's and `ket-qua` vhtt's; moving a
 * report along its workflow; reading what the store and the rooms hold.
 */
import { expect } from 'vitest';
import type { Report, ReportStatus } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { assignSection, call, createReport, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { connectClient, type CollabClient } from '../../helpers/collabClient.js';
import { fillForIssue } from '../../helpers/issuable.js';
import { signInEveryone, type Who } from '../../helpers/everyone.js';
import { startServer, type StartOptions, type TestServer } from '../../helpers/startServer.js';
import { storedDoc } from '../../helpers/storedDoc.js';
import { expectError } from '../security/support.js';

/** Who is signed in: the seeded accounts, plus `stranger`, an editor whose department owns no section. */
export type { Who };
export const EVERYONE: readonly Who[] = ['admin', 'office', 'noivu', 'vhtt', 'chair', 'stranger'];

/** The clock the server's workflow reads; a test sets it. */
export interface TestClock {
  now(): Date;
  set(iso: string): void;
}

export function testClock(iso = '2025-06-30T03:00:00.000Z'): TestClock {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => void (current = new Date(next)) };
}

export interface WorkflowFixture {
  server: TestServer;
  ws: SeededWorkspace;
  clock: TestClock;
  cookies: Record<Who, string>;
  ids: Record<Who, string>;
  /** A REST call as `who`. */
  as(who: Who, method: string, path: string, body?: unknown): Promise<Response>;
  /** A new draft report with its two sections assigned. */
  newReport(title?: string): Promise<Report>;
  /** Moves a report as `who`; the response. */
  move(who: Who, reportId: string, to: ReportStatus, extra?: { number?: number | string; date?: string }): Promise<Response>;
  /**
   * Brings a draft report to `status` by the allowed moves (issuing with `extra`); the report. On the way to
   * `approved` or `issued` it first fills what the template left (tests/helpers/issuable.ts), so that the form
   * checker lets the report be issued (issue 12).
   */
  bringTo(reportId: string, status: ReportStatus, extra?: { number?: number | string; date?: string }): Promise<Report>;
  /** A y-websocket client of a room of a report (`frame`, `review`, `section/<id>`) as `who`; destroyed by close(). */
  connect(who: Who, reportId: string, part: string): CollabClient;
  /** Destroys the clients and stops the server. */
  close(): Promise<void>;
}

export interface WorkflowServerOptions extends StartOptions {
  clock?: TestClock;
}

export async function startWorkflowServer(options: WorkflowServerOptions = {}): Promise<WorkflowFixture> {
  const clock = options.clock ?? testClock();
  const server = await startServer({ ...options, now: clock.now });
  const clients: CollabClient[] = [];
  try {
    const ws = await seedWorkspace(server);
    const workspace = { agencyName: 'ỦY BAN NHÂN DÂN XÃ LẤP VÒ', parentAgencyName: 'UBND TỈNH ĐỒNG THÁP', placeName: 'Lấp Vò', agencySymbol: 'UBND' };
    await ok(call(server.url, server.adminCookie, 'PUT', '/api/workspace', workspace));
    const { cookies, stranger } = await signInEveryone(server, ws);
    const as = (who: Who, method: string, path: string, body?: unknown) => call(server.url, cookies[who], method, path, body);
    const move = (who: Who, reportId: string, to: ReportStatus, extra: { number?: number | string; date?: string } = {}) =>
      as(who, 'POST', `/api/reports/${reportId}/status`, { to, ...extra });
    const fixture: WorkflowFixture = {
      server,
      ws,
      clock,
      cookies,
      ids: { admin: ws.admin.id, office: ws.office.id, noivu: ws.noivu.id, vhtt: ws.vhtt.id, chair: ws.chair.id, stranger: stranger.id },
      as,
      async newReport(title = 'Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm') {
        const report = await createReport(server.url, { title }, cookies.office);
        await assignSection(server.url, cookies.office, report.id, 'tham-muu', ws.departments.noivu.id);
        await assignSection(server.url, cookies.office, report.id, 'ket-qua', ws.departments.vhtt.id);
        return ok<Report>(as('office', 'GET', `/api/reports/${report.id}`));
      },
      move,
      async bringTo(reportId, status, extra = {}) {
        const path: Array<[Who, ReportStatus]> = [
          ['office', 'review'],
          ['chair', 'approved'],
          ['office', 'issued'],
        ];
        let report = await ok<Report>(as('office', 'GET', `/api/reports/${reportId}`));
        if (report.status === 'draft' && (status === 'approved' || status === 'issued')) await fillForIssue(server, cookies.office, report);
        for (const [who, to] of path) {
          if (report.status === status) break;
          report = await ok<Report>(move(who, reportId, to, to === 'issued' ? extra : {}));
        }
        expect(report.status).toBe(status);
        return report;
      },
      connect(who, reportId, part) {
        const client = connectClient(server.collabUrl, `${reportId}/${part}`, cookies[who]);
        clients.push(client);
        return client;
      },
      async close() {
        for (const client of clients.splice(0)) client.destroy();
        await server.close();
      },
    };
    return fixture;
  } catch (error) {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    throw error;
  }
}

/** A JSON call that must answer `status`; its parsed body (undefined for 204). */
export async function ok<T>(response: Promise<Response>, status = 200): Promise<T> {
  const answer = await response;
  const text = await answer.text();
  expect(answer.status, `${answer.url}: ${text}`).toBe(status);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A call that must be refused with `status` and `code`, in the error format of CONTRACT.md; the error. */
export async function refused(response: Promise<Response>, status: number, code: string): Promise<{ code: string; message: string }> {
  return expectError(await response, status, code);
}

/** The frame's string fields as the store holds them. */
export async function storedFrame(server: TestServer, reportId: string): Promise<Record<string, unknown>> {
  const doc = await storedDoc(server.store, `${reportId}/frame`);
  try {
    return doc.getMap(FRAME_MAP).toJSON() as Record<string, unknown>;
  } finally {
    doc.destroy();
  }
}

/**
 * The workflow's entries of an audit log (status changes, versions), in order: since issue 10, item 6 the
 * log also holds the report's creation, its assignments, exports and edits per hour.
 */
export function workflowEntries<T extends { action: string }>(log: readonly T[]): T[] {
  return log.filter((entry) => /^(status|version)\./.test(entry.action));
}

/** The report's workflow audit actions, oldest first, as the office reads them. */
export async function auditActions(fixture: WorkflowFixture, reportId: string): Promise<string[]> {
  const entries = await ok<Array<{ action: string }>>(fixture.as('office', 'GET', `/api/reports/${reportId}/audit`));
  return workflowEntries(entries).map((entry) => entry.action);
}
