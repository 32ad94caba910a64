/**
 * Report housekeeping and the workspace's audit log (issue 10, items 6–7) against a real server: every
 * role on every call, allowed and refused (403); every call refused without a session (401), on a report
 * not shared with the caller (403) or that does not exist (404), and with bad input (400) — each in the
 * error format of CONTRACT.md, and none of the refusals changing anything (nor writing to the audit log).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogPage } from '../../../common/api/audit.js';
import { auditRoutes } from '../../../common/api/audit.js';
import { housekeepingRoutes } from '../../../common/api/housekeeping.js';
import { MAX_TITLE_LENGTH } from '../../../common/limits.js';
import type { Report, ReportListEntry } from '../../../common/report.js';
import { call } from '../../helpers/api.js';
import { EVERYONE, ok, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';
import { expectError } from './support.js';

type CallName = keyof typeof housekeepingRoutes | keyof typeof auditRoutes;

interface HousekeepingCall {
  name: CallName;
  method: string;
  path: string;
  body?: unknown;
}

/** Every call, each with an input that fits. */
const calls = (reportId: string): HousekeepingCall[] => [
  { name: 'updateReport', method: 'PATCH', path: `/api/reports/${reportId}`, body: { title: 'Tên mới', archived: true } },
  { name: 'copyReport', method: 'POST', path: `/api/reports/${reportId}/copy` },
  { name: 'deleteReport', method: 'DELETE', path: `/api/reports/${reportId}` },
  { name: 'listAuditLog', method: 'GET', path: `/api/audit?report=${reportId}` },
];

/** Who may make each call on a report they may read; everyone else is refused 403. */
const ALLOWED: Record<CallName, readonly Who[]> = {
  updateReport: ['admin', 'office'],
  copyReport: ['admin', 'office'],
  deleteReport: ['admin', 'office'],
  listAuditLog: ['admin', 'office', 'chair'],
};

const SUCCESS: Record<CallName, number> = {
  updateReport: housekeepingRoutes.updateReport.success.status,
  copyReport: housekeepingRoutes.copyReport.success.status,
  deleteReport: housekeepingRoutes.deleteReport.success.status,
  listAuditLog: auditRoutes.listAuditLog.success.status,
};

describe('housekeeping and audit access control', () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
  });
  afterEach(async () => {
    await f.close();
  });

  /** What a refused call must leave as it was: the reports (in use and archived) and the whole log but sign-ins. */
  const state = async () => ({
    reports: await ok<ReportListEntry[]>(f.as('office', 'GET', '/api/reports')),
    archived: await ok<ReportListEntry[]>(f.as('office', 'GET', '/api/reports?archived=true')),
    log: (await ok<AuditLogPage>(f.as('office', 'GET', '/api/audit?limit=500'))).entries.filter((entry) => !entry.action.startsWith('signin.')),
  });

  it('names every housekeeping and workspace audit route', () => {
    expect(calls(report.id).map((entry) => entry.name).sort()).toEqual([...Object.keys(housekeepingRoutes), ...Object.keys(auditRoutes)].sort());
  });

  it('lets every role make exactly the calls it may, and refuses the others (403), changing nothing', async () => {
    for (const who of EVERYONE) {
      for (const entry of calls(report.id)) {
        if (!ALLOWED[entry.name].includes(who)) {
          const before = await state();
          await expectError(await f.as(who, entry.method, entry.path, entry.body), 403, 'forbidden');
          expect(await state(), `${who} ${entry.name}`).toEqual(before);
          continue;
        }
        // An allowed change runs on a report of its own.
        const own = entry.method === 'GET' ? report : await f.newReport(`Báo cáo của ${who} ${entry.name}`);
        const target = calls(own.id).find((candidate) => candidate.name === entry.name)!;
        const response = await f.as(who, target.method, target.path, target.body);
        expect(response.status, `${who} ${entry.name}: ${await response.clone().text()}`).toBe(SUCCESS[entry.name]);
      }
    }
  });

  it('refuses every call without a session or with a forged one (401), changing nothing', async () => {
    const before = await state();
    for (const entry of calls(report.id)) {
      await expectError(await call(f.server.url, null, entry.method, entry.path, entry.body), 401, 'unauthenticated');
      await expectError(await call(f.server.url, 'ds_session=nimmt-niemand', entry.method, entry.path, entry.body), 401, 'unauthenticated');
    }
    expect(await state()).toEqual(before);
  });

  it('refuses every report call on a report not shared with the caller (403), and on one that does not exist (404)', async () => {
    const before = await state();
    const onReport = (reportId: string) => calls(reportId).filter((entry) => entry.name !== 'listAuditLog');
    for (const entry of calls(report.id)) await expectError(await f.as('stranger', entry.method, entry.path, entry.body), 403, 'forbidden');
    for (const entry of [...onReport('khongco'), ...onReport('khong co')]) await expectError(await f.as('office', entry.method, entry.path, entry.body), 404, 'not_found');
    // The log of a report that does not exist is empty, not refused: a deleted report's entries are there.
    expect((await ok<AuditLogPage>(f.as('office', 'GET', '/api/audit?report=khongco'))).total).toBe(0);
    expect(await state()).toEqual(before);
  });

  it('refuses bad input (400), naming what is wrong, changing nothing', async () => {
    const before = await state();
    const path = `/api/reports/${report.id}`;
    const bad: unknown[] = [
      {},
      { title: '' },
      { title: '   ' },
      { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) },
      { title: 'Dòng một\nDòng hai' },
      { title: 42 },
      { archived: 'yes' },
      { archived: null },
      { title: 'Tên', id: 'khac' },
      { status: 'issued' },
    ];
    for (const body of bad) {
      const error = await expectError(await f.as('office', 'PATCH', path, body), 400, 'invalid_input');
      if (Object.keys(body as object).length > 0) expect(error.message, JSON.stringify(body)).toMatch(/^[a-zA-Z.0-9]+: |^Unrecognized key/);
    }
    await expectError(await f.as('office', 'GET', '/api/reports?archived=yes'), 400, 'invalid_input');
    expect(await state()).toEqual(before);
  });
});
