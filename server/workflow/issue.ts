/**
 * Issuing an approved report (issue 10; CONTRACT.md, "Issued"), all or nothing, in this order:
 *
 * 1. refuse a number another issued report of the symbol and year holds (409 `number_taken`), and a report
 *    in which the form checker finds an error (409 `checks_failed`, issue 12), before anyone's rights change;
 * 2. freeze: the report is held frozen (server/workflow/freezes.ts), and every live connection to its rooms
 *    becomes read-only after what its room received so far — a writer's next edit is closed 4403 and
 *    stored nowhere, a new connection is read-only, and the server's own writes into sections (an accepted
 *    suggestion) are refused;
 * 3. write the number and date into the frame room as the server (stored, then sent to everyone), and check
 *    the rooms again as frozen: someone may have typed an error in before the freeze (409 `checks_failed`);
 * 4. build the final Word file once from the stored rooms, without "DỰ THẢO" (finalDocx.ts);
 * 5. store, in one transaction, the status, the file with its SHA-256, the number, the version of every
 *    room and the audit entry; a number taken meanwhile rolls all of it back (the store's unique key).
 *
 * If any step fails the report stays approved: the frame gets its old number and date back, the hold is
 * released and every connection gets its write access again.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Finding } from '../../common/checks/finding.js';
import { blockingFindings } from '../../common/checks/runChecks.js';
import type { Report } from '../../common/report.js';
import { formatDocumentNumber, localDate, yearOf } from '../../common/workflow.js';
import type { Identity } from '../auth/identity.js';
import type { IssueFields } from '../checks/checkService.js';
import { checksFailed } from '../checks/checksFailed.js';
import type { ReportService } from '../reports/reportService.js';
import type { Store } from '../storage/store.js';
import { NumberTakenError, type IssueRecord } from '../storage/workflowStore.js';
import type { BuildFinalDocx } from './finalDocx.js';
import type { Freezes } from './freezes.js';
import type { VersionService } from './versions.js';
import { numberTaken } from './workflowErrors.js';
import type { FrameIssueFields, WorkflowRooms } from './workflowRooms.js';

export interface IssueDeps {
  store: Store;
  /** The report as it is now, to give its rooms back the rights it gives (owners may have changed meanwhile). */
  reports: Pick<ReportService, 'find'>;
  rooms: WorkflowRooms;
  freezes: Freezes;
  buildFinalDocx: BuildFinalDocx;
  versions: Pick<VersionService, 'capture'>;
  logger: FastifyBaseLogger;
  now: () => Date;
  /** The form checker on the rooms as stored, in the issuing mode; `fields`: what the issue is about to write. */
  checks: (report: Report, fields?: IssueFields) => Promise<Finding[]>;
}

/** What the office gives: the number (default: the next free one) and the date (default: today). */
export interface IssueRequest {
  number?: number;
  date?: string;
}

/**
 * Issues `report` (approved, as read in the report's workflow queue, which the caller holds). Resolves
 * when the status is stored; false when the store found the report no longer approved (nothing changed).
 */
export async function issueReport(deps: IssueDeps, caller: Identity, report: Report, request: IssueRequest): Promise<boolean> {
  const { store, rooms, freezes } = deps;
  const date = request.date ?? localDate(deps.now());
  const year = yearOf(date);
  const numberFor = async (symbol: string) => request.number ?? (await store.lastIssuedNumber(symbol, year)) + 1;
  const refuseTaken = async (symbol: string, number: number) => {
    if ((await store.numberHolder(symbol, year, number)) !== null) throw numberTaken(formatDocumentNumber(number), symbol, year);
  };

  let symbol = await rooms.frameSymbol(report);
  let number = await numberFor(symbol);
  await refuseTaken(symbol, number);
  await refuseFailedChecks(deps, report, { number: formatDocumentNumber(number), date });

  freezes.hold(report.id);
  let previous: FrameIssueFields | null = null;
  try {
    await rooms.setFrozen(report, true);
    // Frozen now: the office can no longer change the symbol under the issue.
    const frozenSymbol = await rooms.frameSymbol(report);
    if (frozenSymbol !== symbol) {
      symbol = frozenSymbol;
      number = await numberFor(symbol);
      await refuseTaken(symbol, number);
    }
    const printed = formatDocumentNumber(number);
    previous = await rooms.writeFrameIssue(report.id, { number: printed, date });
    await refuseFailedChecks(deps, report);
    const file = await deps.buildFinalDocx(report);
    const at = deps.now().toISOString();
    const label = `Ban hành số ${printed}/${symbol}`;
    const version = await deps.versions.capture(report, { label, kind: 'status', status: 'issued', by: caller, at });
    const issue: IssueRecord = { reportId: report.id, symbol, year, number, date, issuedAt: at, issuedBy: caller.userId, ...file };
    const detail = { from: report.status, to: 'issued', number: printed, symbol, date, sha256: file.sha256, versionId: version.id };
    const audit = { reportId: report.id, at, userId: caller.userId, action: 'status.issued', detail };
    const stored = await store.changeStatus({ reportId: report.id, from: report.status, to: 'issued', audit, version, issue });
    if (!stored) await undo(deps, report, previous);
    return stored;
  } catch (error) {
    await undo(deps, report, previous);
    if (error instanceof NumberTakenError) throw numberTaken(formatDocumentNumber(number), symbol, year);
    // The error handler logs what is a 5xx; the report stays approved and writable.
    throw error;
  }
}

/** Refuses the issue while the form checker finds an error in the rooms as stored (issue 12). */
async function refuseFailedChecks(deps: IssueDeps, report: Report, fields?: IssueFields): Promise<void> {
  const errors = blockingFindings(await deps.checks(report, fields));
  if (errors.length > 0) throw checksFailed(errors);
}

/** Puts the report back as it was before the issue began: the frame's number and date, then everyone's rights. */
async function undo({ rooms, freezes, reports, logger }: IssueDeps, report: Report, previous: FrameIssueFields | null): Promise<void> {
  if (previous) {
    try {
      await rooms.restoreFrameIssue(report.id, previous);
    } catch (error) {
      logger.error({ err: error, reportId: report.id }, 'could not take the number and date out of the frame of a report whose issue failed');
    }
  }
  freezes.release(report.id);
  try {
    await rooms.setFrozen((await reports.find(report.id)) ?? report, false);
  } catch (error) {
    logger.error({ err: error, reportId: report.id }, 'could not give write access back after an issue failed');
  }
}
