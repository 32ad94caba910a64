/** Status changes, issued files and named versions in PostgreSQL (issue 10; tables in workflowSchema.ts). */
import { bytesOf } from '../rows/bytes.js';
import { toVersion, type VersionRow } from '../rows/workflowRows.js';
import { NumberTakenError, type IssueRecord, type StatusChange, type VersionRecord, type WorkflowStore } from '../workflowStore.js';
import { appendAuditEntry } from './audit.js';
import { byteaOf, CONSISTENT_READ, isPgUniqueViolation, type PgDb, type PgQueryable } from './db.js';

const VERSION_COLUMNS = 'id, report_id, label, kind, status, created_at, created_by, created_by_name';

async function storeVersion(tx: PgQueryable, version: VersionRecord): Promise<void> {
  await tx.query(`INSERT INTO report_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    version.id,
    version.reportId,
    version.label,
    version.kind,
    version.status,
    version.createdAt,
    version.createdBy,
    version.createdByName,
  ]);
  for (const [room, state] of version.rooms) {
    await tx.query('INSERT INTO report_version_rooms (version_id, room, state) VALUES ($1, $2, $3)', [version.id, room, byteaOf(state)]);
  }
}

async function storeIssue(tx: PgQueryable, issue: IssueRecord): Promise<void> {
  try {
    await tx.query(
      `INSERT INTO report_issues (report_id, symbol, year, number, date, issued_at, issued_by, sha256, disposition, docx)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [issue.reportId, issue.symbol, issue.year, issue.number, issue.date, issue.issuedAt, issue.issuedBy, issue.sha256, issue.disposition, byteaOf(issue.docx)],
    );
  } catch (error) {
    if (isPgUniqueViolation(error)) throw new NumberTakenError(`number ${issue.number} of ${issue.symbol} in ${issue.year} is taken`);
    throw error;
  }
}

/** One transaction: a refused issue (its number taken) or a failed write rolls the status back too. */
async function changeStatusIn(tx: PgQueryable, change: StatusChange): Promise<boolean> {
  const { reportId, from, to, issue } = change;
  const { rowCount } = await tx.query('UPDATE reports SET status = $1 WHERE id = $2 AND status = $3', [to, reportId, from]);
  if (rowCount === 0) return false;
  if (issue) await storeIssue(tx, issue);
  await storeVersion(tx, change.version);
  await appendAuditEntry(tx, change.audit);
  return true;
}

export function pgWorkflow(db: PgDb): WorkflowStore {
  return {
    async changeStatus(change) {
      if ((change.to === 'issued') !== (change.issue !== undefined)) throw new Error('an issue record goes with to: "issued", and only with it');
      return db.transaction((tx) => changeStatusIn(tx, change));
    },
    async lastIssuedNumber(symbol, year) {
      const { rows } = await db.query<{ last: number | null }>('SELECT max(number) AS last FROM report_issues WHERE symbol = $1 AND year = $2', [symbol, year]);
      return rows[0]?.last ?? 0;
    },
    async numberHolder(symbol, year, number) {
      const { rows } = await db.query<{ report_id: string }>('SELECT report_id FROM report_issues WHERE symbol = $1 AND year = $2 AND number = $3', [
        symbol,
        year,
        number,
      ]);
      return rows[0]?.report_id ?? null;
    },
    async getIssuedFile(reportId) {
      const { rows } = await db.query<{ sha256: string; disposition: string; docx: Buffer }>(
        'SELECT sha256, disposition, docx FROM report_issues WHERE report_id = $1',
        [reportId],
      );
      const row = rows[0];
      return row ? { sha256: row.sha256, disposition: row.disposition, docx: bytesOf(row.docx) } : null;
    },
    async createVersion(version, entry) {
      await db.transaction(async (tx) => {
        await storeVersion(tx, version);
        await appendAuditEntry(tx, entry);
      });
    },
    async listVersions(reportId) {
      const { rows } = await db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM report_versions WHERE report_id = $1 ORDER BY seq DESC`, [reportId]);
      return rows.map(toVersion);
    },
    async getVersion(reportId, versionId) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM report_versions WHERE report_id = $1 AND id = $2`, [reportId, versionId]);
        if (rows.length === 0) return null;
        const { rows: rooms } = await tx.query<{ room: string; state: Buffer }>(
          'SELECT room, state FROM report_version_rooms WHERE version_id = $1 ORDER BY room',
          [versionId],
        );
        return { ...toVersion(rows[0]!), rooms: new Map(rooms.map((room) => [room.room, bytesOf(room.state)])) };
      }, CONSISTENT_READ);
    },
  };
}
