/**
 * The storage interface. Both implementations (SQLite, the embedded default; PostgreSQL, issue 11) pass
 * the one contract suite in tests/integration/storage/storeContract.ts.
 */
import type { Role } from '../../common/access.js';
import type { ReportStatus } from '../../common/report.js';
import type { AuditStore } from './auditStore.js';
import type { ArchiveMark, HousekeepingStore } from './housekeepingStore.js';
import type { AuditRecord, ReviewStore } from './reviewStore.js';
import type { SigningStore } from './signingStore.js';
import type { IssueSummary, WorkflowStore } from './workflowStore.js';

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
  /** Once issued (issue 10): its number, date and file's hash; absent before. */
  issue?: IssueSummary;
  /** While archived (issue 10, item 7): when and by whom; absent otherwise. */
  archived?: ArchiveMark;
}

export interface UserRecord {
  id: string;
  /** Unique, compared case-insensitively; stored lower-case. */
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  disabled: boolean;
  /** From server/auth/passwords.ts; never leaves the server. */
  passwordHash: string;
  createdAt: string;
}

export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'role' | 'departmentId' | 'disabled' | 'passwordHash'>>;

export interface DepartmentRecord {
  id: string;
  name: string;
  disabled: boolean;
}

export interface SessionRecord {
  /** The SHA-256 of the cookie's token: a leaked database does not leak live sessions. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
}

/** A write that would break a uniqueness rule (a taken username, a duplicate id). */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
}

/**
 * A change to an account that would leave no enabled admin: nobody could manage accounts any more
 * (issue 8). The store refuses it atomically, so two admins demoting each other at once cannot both succeed.
 */
export class LastAdminError extends Error {
  override readonly name = 'LastAdminError';
}

export interface DocumentStore {
  /**
   * Appends an update to a room's log and resolves once it is durable (it survives the process being
   * killed). Returns the update's sequence number, increasing within a room.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<number>;
  /**
   * Reads a room's snapshot and log as one consistent state: a compaction running at the same time (in
   * this process or another) is seen wholly or not at all, so no update is missed.
   */
  loadDocument(room: string): Promise<StoredDocument>;
  /**
   * Folds a room's log into its snapshot, from the store itself rather than from anyone's memory (so an
   * update another instance appended is never dropped): in one transaction, `merge` gets the snapshot (when
   * there is one) and every update after it, oldest first, and what it returns replaces them all. Updates
   * appended once the transaction has begun stay in the log. Resolves to the sequence number the snapshot
   * now holds, or null when the log was empty (nothing changed). `merge` runs synchronously; if it throws,
   * nothing changes.
   */
  compactDocument(room: string, merge: (parts: readonly Uint8Array[]) => Uint8Array): Promise<number | null>;
  /**
   * The room's stored updates numbered above `afterSeq`, oldest first, read as one consistent state: what
   * an instance that holds the room up to `afterSeq` lacks (issue 11: it heard of a later update from
   * another instance, or missed some while cut off). Null when some of them were already folded into the
   * snapshot (the snapshot holds more than `afterSeq`): the caller must load the whole document instead.
   */
  loadUpdatesAfter(room: string, afterSeq: number): Promise<StoredUpdate[] | null>;
}

/** An update of a room's log with its sequence number. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

export interface ReportStore {
  /** Stores a new report and the starting state of its rooms (and its audit entries), all or nothing. */
  createReport(report: ReportRecord, rooms: ReadonlyMap<string, Uint8Array>, audit?: readonly AuditRecord[]): Promise<void>;
  /** Reports, newest first. */
  listReports(): Promise<ReportRecord[]>;
  getReport(id: string): Promise<ReportRecord | null>;
  /** Sets who writes a section, with its audit entry when given; false (and no entry) when there is no such section. */
  setSectionOwner(reportId: string, sectionId: string, ownerDepartmentId: string | null, audit?: AuditRecord): Promise<boolean>;
}

export interface AccountStore {
  countUsers(): Promise<number>;
  /** Throws {@link StoreConflictError} when the username is taken. */
  createUser(user: UserRecord): Promise<void>;
  /**
   * The updated user, or null when there is none with that id. Throws {@link LastAdminError}, changing
   * nothing, when the user is an enabled admin and the change would leave no enabled admin.
   */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserRecord | null>;
  /** Case-insensitive. */
  findUserByUsername(username: string): Promise<UserRecord | null>;
  /** By username. */
  listUsers(): Promise<UserRecord[]>;
  createDepartment(department: DepartmentRecord): Promise<void>;
  updateDepartment(id: string, patch: Partial<Omit<DepartmentRecord, 'id'>>): Promise<DepartmentRecord | null>;
  getDepartment(id: string): Promise<DepartmentRecord | null>;
  /** By name. */
  listDepartments(): Promise<DepartmentRecord[]>;
}

export interface SessionStore {
  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, lastSeenAt: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a user (disabled, or a reset password). */
  deleteUserSessions(userId: string): Promise<void>;
  /**
   * Deletes the sessions last seen before `idleBefore` or created before `createdBefore` (both ISO 8601,
   * UTC, as the records hold them); returns how many.
   */
  deleteExpiredSessions(idleBefore: string, createdBefore: string): Promise<number>;
}

export interface SettingsStore {
  /** A workspace setting as JSON text, or null when never set. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}

export interface Store
  extends DocumentStore,
    ReportStore,
    AccountStore,
    SessionStore,
    SettingsStore,
    ReviewStore,
    WorkflowStore,
    SigningStore,
    AuditStore,
    HousekeepingStore {
  /**
   * Runs `task` while no other instance sharing the store runs a task of the same key (issue 11: a
   * report's status changes, restores and renames). Absent where one process has the store to itself
   * (SQLite: the data directory's lock sees to that).
   */
  runExclusive?<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when the store answers a trivial query; rejects when it cannot be reached (`/api/health`). */
  ping(): Promise<void>;
  /** Closes the store; pending writes are durable when it resolves. */
  close(): Promise<void>;
}
