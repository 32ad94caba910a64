/**
 * The workflow part of the storage interface (issue 10): a report's status changes, each written together
 * with its audit entry and its named version, all or nothing; the file stored at issuing and the number
 * it took; named versions, each the state of the report's rooms at that moment.
 */
import type { ReportStatus } from '../../common/report.js';
import type { AuditRecord } from './reviewStore.js';

/** What issuing fixed for good: the number under its symbol and year, the date, who and when, the file. */
export interface IssueRecord {
  reportId: string;
  /** The frame's symbol at issuing, e.g. `BC-UBND`: numbers run per symbol and year. */
  symbol: string;
  /** The year of the sequence: the year of `date`. */
  year: number;
  /** From 1. */
  number: number;
  /** `YYYY-MM-DD`, as the header prints it. */
  date: string;
  /** ISO 8601, UTC. */
  issuedAt: string;
  issuedBy: string;
  /** The SHA-256 of `docx`, lower-case hex. */
  sha256: string;
  /** The Content-Disposition the file is downloaded with (its name, from the frame at issuing). */
  disposition: string;
  /** The final Word file, exactly as every later download returns it. */
  docx: Uint8Array;
}

/** The issue of a report without its file: what the report's answers carry. */
export type IssueSummary = Omit<IssueRecord, 'docx' | 'disposition'>;

/** The file stored at issuing. */
export type IssuedFile = Pick<IssueRecord, 'sha256' | 'disposition' | 'docx'>;

/**
 * `status`: stored by a status change; `manual`: saved by the office under a label; `restore`: stored by a
 * restore (server/versions/restore.ts), the report just before it and just after.
 */
export type VersionKind = 'status' | 'manual' | 'restore';

/** A named version as listed, without its rooms. */
export interface VersionSummary {
  id: string;
  reportId: string;
  label: string;
  kind: VersionKind;
  /** The report's status as of the version (after the change, for a status change). */
  status: ReportStatus;
  /** ISO 8601, UTC. */
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
}

/**
 * A named version: the state of each of the report's rooms (frame and sections, not the review room, which
 * mirrors the database) as a Yjs update holding the whole document (`Y.encodeStateAsUpdate`). Enough to
 * open, export, diff and restore it later.
 */
export interface VersionRecord extends VersionSummary {
  /** Room name (`<reportId>/frame`, `<reportId>/section/<id>`) → the room's whole state. */
  rooms: ReadonlyMap<string, Uint8Array>;
}

/** One status change, stored all or nothing. */
export interface StatusChange {
  reportId: string;
  /** The status the change starts from: the change is refused (false) if the report is no longer in it. */
  from: ReportStatus;
  to: ReportStatus;
  audit: AuditRecord;
  /** The version stored with the change. */
  version: VersionRecord;
  /** With `to: 'issued'` and only then: what issuing fixes. */
  issue?: IssueRecord;
}

/** Another issued report holds the symbol, year and number an issue asked for. */
export class NumberTakenError extends Error {
  override readonly name = 'NumberTakenError';
}

export interface WorkflowStore {
  /**
   * Changes a report's status, with its audit entry, version and (when issuing) issue, in one transaction.
   * False, changing nothing, when there is no such report or its status is not `change.from`. Throws
   * {@link NumberTakenError}, changing nothing, when the issue's number is taken under its symbol and year.
   */
  changeStatus(change: StatusChange): Promise<boolean>;
  /** The highest number issued under `symbol` in `year`; 0 when none. */
  lastIssuedNumber(symbol: string, year: number): Promise<number>;
  /** The report holding `number` under `symbol` in `year`, or null. */
  numberHolder(symbol: string, year: number, number: number): Promise<string | null>;
  /** The file stored when the report was issued; null when it is not issued. */
  getIssuedFile(reportId: string): Promise<IssuedFile | null>;
  /** Stores a version saved by hand, with its audit entry. Throws when the report does not exist. */
  createVersion(version: VersionRecord, audit: AuditRecord): Promise<void>;
  /** Newest first. */
  listVersions(reportId: string): Promise<VersionSummary[]>;
  /** A version with its rooms, or null. */
  getVersion(reportId: string, versionId: string): Promise<VersionRecord | null>;
}
