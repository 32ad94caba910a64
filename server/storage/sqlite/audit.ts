/**
 * The audit log in SQLite: appended inside the transaction of each change it records, or on its own
 * (sign-ins, edits per hour, exports); read per report, oldest first, or across the workspace with
 * filters, newest first. The table refuses UPDATE and DELETE (auditSchema.ts).
 */
import type { Database } from 'better-sqlite3';
import type { AuditQuery, AuditStore } from '../auditStore.js';
import type { AuditRecord, ReviewStore } from '../reviewStore.js';
import { toAuditRecord, type AuditRow } from '../rows/auditRows.js';

export interface SqliteAudit extends Pick<ReviewStore, 'listAudit'>, AuditStore {
  /** Appends an entry; call it inside the transaction of the change it records. */
  append(entry: AuditRecord): void;
}

/** The WHERE clause of a query and its values; `before` and `limit` are not filters (the total ignores them). */
function filters(query: AuditQuery): { where: string[]; values: Array<string | number> } {
  const where: string[] = [];
  const values: Array<string | number> = [];
  const add = (clause: string, ...given: string[]) => {
    where.push(clause);
    values.push(...given);
  };
  if (query.reportId !== undefined) add('report_id = ?', query.reportId);
  if (query.userId !== undefined) add('user_id = ?', query.userId);
  // A family is matched as a range, not with LIKE, in which `_` would be a wildcard.
  if (query.action?.includes('.')) add('action = ?', query.action);
  else if (query.action !== undefined) add('action >= ? AND action < ?', `${query.action}.`, `${query.action}/`);
  if (query.from !== undefined) add('at >= ?', query.from);
  if (query.to !== undefined) add('at < ?', query.to);
  return { where, values };
}

export function sqliteAudit(db: Database): SqliteAudit {
  const insert = db.prepare<[string | null, string, string | null, string, string]>(
    'INSERT INTO audit_log (report_id, at, user_id, action, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE report_id = ? ORDER BY seq');
  const append = (entry: AuditRecord) => {
    insert.run(entry.reportId, entry.at, entry.userId, entry.action, JSON.stringify(entry.detail));
  };
  const appendAll = db.transaction((entries: readonly AuditRecord[]) => {
    for (const entry of entries) append(entry);
  });
  // Both reads in one transaction: the total and the page describe the same state of the log.
  const query = db.transaction((request: AuditQuery) => {
    const { where, values } = filters(request);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = db.prepare<Array<string | number>, { n: number }>(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...values)!.n;
    const page = request.before === undefined ? where : [...where, 'seq < ?'];
    const pageValues = request.before === undefined ? values : [...values, request.before];
    const rows = db
      .prepare<Array<string | number>, AuditRow>(
        `SELECT * FROM audit_log ${page.length > 0 ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
      )
      .all(...pageValues, request.limit);
    return { entries: rows.map(toAuditRecord), total };
  });
  return {
    append,
    async appendAudit(entries) {
      appendAll(entries);
    },
    async queryAudit(request) {
      return query(request);
    },
    async listAudit(reportId) {
      return select.all(reportId).map((row) => {
        const { seq: _seq, ...record } = toAuditRecord(row);
        return record;
      });
    },
  };
}
