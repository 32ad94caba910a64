/**
 * The storage interface. Every implementation (SQLite now, PostgreSQL later) passes the one contract
 * suite in tests/integration/storage/storeContract.ts.
 */
import type { ReportStatus } from '../../common/report.js';

/** A room's document as stored: the last snapshot plus the updates appended after it, in order. */
export interface StoredDocument {
  /** A Yjs update holding the whole document as of `snapshotSeq`, or null for a room never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** The sequence number of the last update included (in the snapshot or in `updates`); 0 when none. */
  lastSeq: number;
}

/** One main section of a report, as stored. */
export interface SectionRecord {
  id: string;
  title: string;
  ownerDepartmentId: string | null;
}

/** A report's metadata, as stored. The text lives in its rooms. */
export interface ReportRecord {
  id: string;
  title: string;
  status: ReportStatus;
  templateId: string;
  docType: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** In document order. */
  sections: SectionRecord[];
}

export interface Store {
  /**
   * Appends an update to a room's log and resolves once it is durable (it survives the process being
   * killed). Returns the update's sequence number, increasing within a room.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<number>;
  /** Reads a room's snapshot and log. A room never written reads as empty. */
  loadDocument(room: string): Promise<StoredDocument>;
  /**
   * Replaces a room's snapshot with `snapshot`, which holds every update up to `throughSeq`, and drops
   * those updates from the log. Updates appended after `throughSeq` stay.
   */
  compactDocument(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Stores a new report and the starting state of its rooms, all or nothing. */
  createReport(report: ReportRecord, rooms: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** Reports, newest first. */
  listReports(): Promise<ReportRecord[]>;
  getReport(id: string): Promise<ReportRecord | null>;
  /** Closes the store; pending writes are durable when it resolves. */
  close(): Promise<void>;
}
