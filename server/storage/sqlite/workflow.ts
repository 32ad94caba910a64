/** Status changes, issued files and named versions in SQLite (issue 10). */
import type { Database } from 'better-sqlite3';
import type { ReportStatus } from '../../../common/report.js';
import type { AuditRecord } from '../reviewStore.js';
import { bytesOf } from '../rows/bytes.js';
import { toVersion, type VersionRow } from '../rows/workflowRows.js';
import { NumberTakenError, type IssueRecord, type StatusChange, type VersionRecord, type WorkflowStore } from '../workflowStore.js';
import type { SqliteAudit } from './audit.js';
import { isUniqueViolation } from './schema.js';

export function sqliteWorkflow(db: Database, audit: SqliteAudit): WorkflowStore {
  const updateStatus = db.prepare<[ReportStatus, string, ReportStatus]>('UPDATE reports SET status = ? WHERE id = ? AND status = ?');
  const insertIssue = db.prepare(
    `INSERT INTO report_issues (report_id, symbol, year, number, date, issued_at, issued_by, sha256, disposition, docx)
     VALUES (@reportId, @symbol, @year, @number, @date, @issuedAt, @issuedBy, @sha256, @disposition, @docx)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO report_versions (id, report_id, label, kind, status, created_at, created_by, created_by_name)
     VALUES (@id, @reportId, @label, @kind, @status, @createdAt, @createdBy, @createdByName)`,
  );
  const insertVersionRoom = db.prepare<[string, string, Buffer]>('INSERT INTO report_version_rooms (version_id, room, state) VALUES (?, ?, ?)');
  const selectLast = db.prepare<[string, number], { last: number | null }>('SELECT max(number) AS last FROM report_issues WHERE symbol = ? AND year = ?');
  const selectHolder = db.prepare<[string, number, number], { report_id: string }>(
    'SELECT report_id FROM report_issues WHERE symbol = ? AND year = ? AND number = ?',
  );
  const selectFile = db.prepare<[string], { sha256: string; disposition: string; docx: Buffer }>(
    'SELECT sha256, disposition, docx FROM report_issues WHERE report_id = ?',
  );
  const selectVersions = db.prepare<[string], VersionRow>('SELECT * FROM report_versions WHERE report_id = ? ORDER BY seq DESC');
  const selectVersion = db.prepare<[string, string], VersionRow>('SELECT * FROM report_versions WHERE report_id = ? AND id = ?');
  const selectVersionRooms = db.prepare<[string], { room: string; state: Buffer }>(
    'SELECT room, state FROM report_version_rooms WHERE version_id = ? ORDER BY room',
  );

  const storeVersion = (version: VersionRecord) => {
    const { rooms, ...summary } = version;
    insertVersion.run(summary);
    for (const [room, state] of rooms) insertVersionRoom.run(version.id, room, Buffer.from(state));
  };
  const storeIssue = (issue: IssueRecord) => {
    try {
      insertIssue.run({ ...issue, docx: Buffer.from(issue.docx) });
    } catch (error) {
      if (isUniqueViolation(error)) throw new NumberTakenError(`number ${issue.number} of ${issue.symbol} in ${issue.year} is taken`);
      throw error;
    }
  };

  // One transaction: a refused issue (its number taken) or a failed write rolls the status back too.
  const change = db.transaction((statusChange: StatusChange): boolean => {
    const { reportId, from, to, issue } = statusChange;
    if ((to === 'issued') !== (issue !== undefined)) throw new Error('an issue record goes with to: "issued", and only with it');
    if (updateStatus.run(to, reportId, from).changes === 0) return false;
    if (issue) storeIssue(issue);
    storeVersion(statusChange.version);
    audit.append(statusChange.audit);
    return true;
  });
  const create = db.transaction((version: VersionRecord, entry: AuditRecord) => {
    storeVersion(version);
    audit.append(entry);
  });

  return {
    async changeStatus(statusChange) {
      return change(statusChange);
    },
    async lastIssuedNumber(symbol, year) {
      return selectLast.get(symbol, year)?.last ?? 0;
    },
    async numberHolder(symbol, year, number) {
      return selectHolder.get(symbol, year, number)?.report_id ?? null;
    },
    async getIssuedFile(reportId) {
      const row = selectFile.get(reportId);
      return row ? { sha256: row.sha256, disposition: row.disposition, docx: bytesOf(row.docx) } : null;
    },
    async createVersion(version, entry) {
      create(version, entry);
    },
    async listVersions(reportId) {
      return selectVersions.all(reportId).map(toVersion);
    },
    async getVersion(reportId, versionId) {
      const row = selectVersion.get(reportId, versionId);
      if (!row) return null;
      const rooms = new Map(selectVersionRooms.all(versionId).map((room) => [room.room, bytesOf(room.state)]));
      return { ...toVersion(row), rooms };
    },
  };
}
