/**
 * A report's place in the workflow as the review room's `review` map carries it (server/collab/reviewRoom.ts):
 * the status and, once issued, the number, symbol, date and the SHA-256 of the stored Word file. The server
 * writes the map before it answers a status change, so every page open on the report reads the same.
 * Until the room has synced (or for a room that lacks a key), what `GET /api/reports/:id` said stands in.
 */
import type * as Y from 'yjs';
import { REPORT_STATUSES, type Report, type ReportStatus } from '../../../common/report.js';
import { REVIEW_STATE_MAP } from '../../../common/rooms.js';

/** The workflow of one report, as the page shows it. */
export interface WorkflowState {
  status: ReportStatus;
  /** Issued: the number as printed ("05"), its symbol ("BC-UBND"), its date (`YYYY-MM-DD`). */
  number?: string;
  symbol?: string;
  date?: string;
  /** Issued: the hex SHA-256 of the Word file stored at issuing, which every download returns. */
  issuedSha256?: string;
}

const ISSUE_KEYS = ['number', 'symbol', 'date', 'issuedSha256'] as const;

function isStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** What the REST answer says, as a workflow state. */
export function workflowOfReport(report: Pick<Report, 'status' | (typeof ISSUE_KEYS)[number]>): WorkflowState {
  const state: WorkflowState = { status: report.status };
  for (const key of ISSUE_KEYS) if (report[key] !== undefined) state[key] = report[key];
  return state;
}

/**
 * The room's workflow over `fallback` (the REST answer): the room's status when it has one, each issue
 * field the room has. Issued is final, so a report either source says is issued stays issued — the REST
 * answer a refused write brought (ReportPage's onForbidden) may be ahead of the room.
 */
export function readWorkflow(doc: Y.Doc, fallback: WorkflowState): WorkflowState {
  const map = doc.getMap<unknown>(REVIEW_STATE_MAP);
  const roomStatus = map.get('status');
  const status = fallback.status === 'issued' ? 'issued' : isStatus(roomStatus) ? roomStatus : fallback.status;
  const state: WorkflowState = { status };
  for (const key of ISSUE_KEYS) {
    const value = map.get(key);
    const chosen = typeof value === 'string' && value !== '' ? value : fallback[key];
    if (chosen !== undefined) state[key] = chosen;
  }
  return state;
}

/** True when two states show the same. */
export function sameWorkflow(a: WorkflowState, b: WorkflowState): boolean {
  return a.status === b.status && ISSUE_KEYS.every((key) => a[key] === b[key]);
}

/** Calls `listener` after each change of the room's `review` map; returns the unsubscribe function. */
export function watchWorkflow(doc: Y.Doc, listener: () => void): () => void {
  const map = doc.getMap<unknown>(REVIEW_STATE_MAP);
  map.observe(listener);
  return () => map.unobserve(listener);
}
