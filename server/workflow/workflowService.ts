/**
 * A report's workflow (issue 10; rules in common/workflow.ts): status changes checked against the caller's
 * role (403) and the report's status (409), one report at a time, each stored with a version of every room
 * and an audit entry, then mirrored into the review room; issuing (issue.ts); the next free number.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { NextNumber } from '../../common/api/workflow.js';
import type { Report, ReportStatus } from '../../common/report.js';
import { canIssue, canMoveReportTo, formatDocumentNumber, isTransition, localDate, yearOf } from '../../common/workflow.js';
import type { Identity } from '../auth/identity.js';
import { forbidden } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import { KeyedQueue } from '../review/keyedQueue.js';
import type { Store } from '../storage/store.js';
import type { BuildFinalDocx } from './finalDocx.js';
import type { Freezes } from './freezes.js';
import { issueReport, type IssueDeps, type IssueRequest } from './issue.js';
import { createVersionService, type VersionService } from './versions.js';
import { invalidTransition, reportIssued } from './workflowErrors.js';
import type { WorkflowRooms } from './workflowRooms.js';

export interface StatusRequest extends IssueRequest {
  to: ReportStatus;
}

export interface WorkflowService {
  /** Moves the report to `to`; the report in its new status. */
  changeStatus(caller: Identity, reportId: string, request: StatusRequest): Promise<Report>;
  /** The number the report would be issued with today (the office). */
  nextNumber(caller: Identity, reportId: string): Promise<NextNumber>;
  versions: Pick<VersionService, 'list' | 'create'>;
}

export interface WorkflowDeps {
  store: Store;
  reports: Pick<ReportService, 'get' | 'find'>;
  rooms: WorkflowRooms;
  freezes: Freezes;
  buildFinalDocx: BuildFinalDocx;
  /** The form checker (issue 12), asked before an issue freezes the rooms and again once it has. */
  checks: IssueDeps['checks'];
  logger: FastifyBaseLogger;
  /** The clock: "today" and the year of a number sequence are read on it (in Asia/Ho_Chi_Minh). */
  now?: () => Date;
  /** A new random id for a version. */
  newId?: () => string;
  /**
   * The queue a report's changes run in, one at a time: shared with whatever else must not run beside a
   * status change (restoring a version, server/versions/restore.ts). By default one of its own.
   */
  queue?: KeyedQueue;
}

/** The label of the version a status change stores. */
const LABELS: Record<Exclude<ReportStatus, 'issued'>, string> = {
  draft: 'Trả về dự thảo',
  review: 'Trình duyệt',
  approved: 'Đã duyệt',
};

const ROLE_REFUSALS: Record<ReportStatus, string> = {
  review: 'Chỉ Văn phòng mới trình duyệt báo cáo (only the office sends a report to review)',
  approved: 'Chỉ Chủ tịch mới duyệt báo cáo (only the chairperson approves a report)',
  draft: 'Chỉ Văn phòng hoặc Chủ tịch mới trả báo cáo về dự thảo (only the office or the chairperson sends a report back to draft)',
  issued: 'Chỉ Văn phòng mới ban hành báo cáo (only the office issues a report)',
};

export function createWorkflowService(deps: WorkflowDeps): WorkflowService {
  const { store, reports, rooms, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomBytes(9).toString('base64url'));
  const versions = createVersionService({ store, reports, rooms, now, newId });
  // Status changes of one report run one at a time: two cannot both start from the same status.
  const queue = deps.queue ?? new KeyedQueue();

  /** The refusal of a change the store found no longer possible (the status moved meanwhile). */
  async function refusal(reportId: string, to: ReportStatus): Promise<Error> {
    const current = await reports.find(reportId);
    return current?.status === 'issued' ? reportIssued() : invalidTransition(current?.status ?? 'draft', to);
  }

  /** A move other than issuing: the status, its version and audit entry, in one transaction. */
  async function move(caller: Identity, report: Report, to: Exclude<ReportStatus, 'issued'>): Promise<boolean> {
    const at = now().toISOString();
    const version = await versions.capture(report, { label: LABELS[to], kind: 'status', status: to, by: caller, at });
    const audit = { reportId: report.id, at, userId: caller.userId, action: `status.${to}`, detail: { from: report.status, to, versionId: version.id } };
    return store.changeStatus({ reportId: report.id, from: report.status, to, audit, version });
  }

  async function publish(report: Report): Promise<void> {
    try {
      await rooms.publishStatus(report);
    } catch (error) {
      // The status is stored and every REST answer carries it; the room shows it with the next change.
      logger.error({ err: error, room: `${report.id}/review` }, 'could not mirror the status into the review room');
    }
  }

  return {
    async changeStatus(caller, reportId, { to, number, date }) {
      if (!canMoveReportTo(caller.role, to)) throw forbidden(ROLE_REFUSALS[to]);
      await reports.get(caller, reportId);
      return queue.run(reportId, async () => {
        const report = await reports.get(caller, reportId);
        if (report.status === 'issued') throw reportIssued();
        if (!isTransition(report.status, to)) throw invalidTransition(report.status, to);
        const stored = to === 'issued' ? await issueReport({ ...deps, now, versions }, caller, report, { number, date }) : await move(caller, report, to);
        if (!stored) throw await refusal(reportId, to);
        const changed = (await reports.find(reportId))!;
        await publish(changed);
        return changed;
      });
    },

    async nextNumber(caller, reportId) {
      if (!canIssue(caller.role)) throw forbidden('Chỉ Văn phòng mới cấp số văn bản (only the office numbers documents)');
      const report = await reports.get(caller, reportId);
      const symbol = await rooms.frameSymbol(report);
      const year = yearOf(localDate(now()));
      return { number: formatDocumentNumber((await store.lastIssuedNumber(symbol, year)) + 1), symbol, year };
    },

    versions,
  };
}
