/** Renaming, archiving and deleting reports in PostgreSQL (issue 10, item 7), each with its audit entry. */
import type { HousekeepingStore } from '../housekeepingStore.js';
import { appendAuditEntry } from './audit.js';
import type { PgDb, PgQueryable } from './db.js';

/**
 * Removes the stored state of a report's rooms, `<id>/…`: a range rather than LIKE, in which the `_` that
 * ids may contain is a wildcard ('0' follows '/' in byte order; the columns are COLLATE "C"). Snapshots
 * first, as a compaction locks them first: the two take turns instead of deadlocking. The rooms' counters
 * stay (documentsSchema.ts): a room's numbers never go back.
 */
async function removeRooms(tx: PgQueryable, reportId: string): Promise<void> {
  const range = [`${reportId}/`, `${reportId}0`];
  await tx.query('DELETE FROM doc_snapshots WHERE room >= $1 AND room < $2', range);
  await tx.query('DELETE FROM doc_updates WHERE room >= $1 AND room < $2', range);
}

export function pgHousekeeping(db: PgDb): HousekeepingStore {
  return {
    async renameReport(reportId, title, entry) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query("UPDATE reports SET title = $1 WHERE id = $2 AND status <> 'issued'", [title, reportId]);
        if (rowCount === 0) return false;
        if (entry) await appendAuditEntry(tx, entry);
        return true;
      });
    },
    async setReportArchived(reportId, mark, entry) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query('UPDATE reports SET archived_at = $1, archived_by = $2 WHERE id = $3', [mark?.at ?? null, mark?.by ?? null, reportId]);
        if (rowCount === 0) return false;
        await appendAuditEntry(tx, entry);
        return true;
      });
    },
    async deleteReport(reportId, entry) {
      return db.transaction(async (tx) => {
        // The sections, the review's rows, the versions (and their rooms) go with it: ON DELETE CASCADE.
        const { rowCount } = await tx.query("DELETE FROM reports WHERE id = $1 AND status = 'draft'", [reportId]);
        if (rowCount === 0) return false;
        await removeRooms(tx, reportId);
        await appendAuditEntry(tx, entry);
        return true;
      });
    },
    async deleteReportRooms(reportId) {
      await db.transaction((tx) => removeRooms(tx, reportId));
    },
  };
}
