/**
 * The audit log in PostgreSQL (table in auditSchema.ts): appended inside the transaction of each change it
 * records, or on its own (sign-ins, edits per hour, exports); read per report, oldest first, or across the
 * workspace with filters, newest first. The table refuses UPDATE, DELETE and TRUNCATE.
 */
import type { AuditQuery, AuditStore } from '../auditStore.js';
import type { AuditRecord, ReviewStore } from '../reviewStore.js';
import { toAuditRecord, type AuditRow } from '../rows/auditRows.js';
import { CONSISTENT_READ, type PgDb, type PgQueryable } from './db.js';

/** Appends an entry; call it with the transaction of the change it records. */
export async function appendAuditEntry(tx: PgQueryable, entry: AuditRecord): Promise<void> {
  await tx.query('INSERT INTO audit_log (report_id, at, user_id, action, detail) VALUES ($1, $2, $3, $4, $5)', [
    entry.reportId,
    entry.at,
    entry.userId,
    entry.action,
    JSON.stringify(entry.detail),
  ]);
}

/** The WHERE clauses of a query and their values; `before` and `limit` are not filters (the total ignores them). */
function filters(query: AuditQuery): { where: string[]; values: Array<string | number> } {
  const where: string[] = [];
  const values: Array<string | number> = [];
  const param = (value: string) => `$${values.push(value)}`;
  if (query.reportId !== undefined) where.push(`report_id = ${param(query.reportId)}`);
  if (query.userId !== undefined) where.push(`user_id = ${param(query.userId)}`);
  // A family is matched as a range (byte order: the column is COLLATE "C"), not with LIKE, in which `_` is a wildcard.
  if (query.action?.includes('.')) where.push(`action = ${param(query.action)}`);
  else if (query.action !== undefined) where.push(`action >= ${param(`${query.action}.`)} AND action < ${param(`${query.action}/`)}`);
  if (query.from !== undefined) where.push(`at >= ${param(query.from)}`);
  if (query.to !== undefined) where.push(`at < ${param(query.to)}`);
  return { where, values };
}

const whereOf = (clauses: readonly string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

export function pgAudit(db: PgDb): Pick<ReviewStore, 'listAudit'> & AuditStore {
  return {
    async appendAudit(entries) {
      await db.transaction(async (tx) => {
        for (const entry of entries) await appendAuditEntry(tx, entry);
      });
    },
    // Both reads in one snapshot: the total and the page describe the same state of the log.
    async queryAudit(request) {
      return db.transaction(async (tx) => {
        const { where, values } = filters(request);
        const { rows: counted } = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${whereOf(where)}`, values);
        const page = [...where];
        const pageValues = [...values];
        if (request.before !== undefined) page.push(`seq < $${pageValues.push(request.before)}`);
        const { rows } = await tx.query<AuditRow>(
          `SELECT * FROM audit_log ${whereOf(page)} ORDER BY seq DESC LIMIT $${pageValues.push(request.limit)}`,
          pageValues,
        );
        return { entries: rows.map(toAuditRecord), total: counted[0]!.n };
      }, CONSISTENT_READ);
    },
    async listAudit(reportId) {
      const { rows } = await db.query<AuditRow>('SELECT * FROM audit_log WHERE report_id = $1 ORDER BY seq', [reportId]);
      return rows.map((row) => {
        const { seq: _seq, ...record } = toAuditRecord(row);
        return record;
      });
    },
  };
}
