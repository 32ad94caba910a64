/** Renaming, archiving and deleting reports in SQLite (issue 10, item 7), each with its audit entry. */
import type { Database } from 'better-sqlite3';
import type { ArchiveMark, HousekeepingStore } from '../housekeepingStore.js';
import type { AuditRecord } from '../reviewStore.js';
import type { SqliteAudit } from './audit.js';

/**
 * The bounds of a report's room names, `<id>/…`: a range rather than LIKE, in which the `_` that ids may
 * contain would be a wildcard ('0' follows '/' in ASCII).
 */
const roomRange = (reportId: string): [string, string] => [`${reportId}/`, `${reportId}0`];

/** `flushAppends`: makes every resolved append readable (documents.ts), so that a deletion takes it too. */
export function sqliteHousekeeping(db: Database, audit: SqliteAudit, flushAppends: () => void): HousekeepingStore {
  const rename = db.prepare<[string, string]>("UPDATE reports SET title = ? WHERE id = ? AND status <> 'issued'");
  const archive = db.prepare<[string | null, string | null, string]>('UPDATE reports SET archived_at = ?, archived_by = ? WHERE id = ?');
  // The sections, the review's rows, the versions (and their rooms) go with it: ON DELETE CASCADE.
  const remove = db.prepare<[string]>("DELETE FROM reports WHERE id = ? AND status = 'draft'");
  const removeSnapshots = db.prepare<[string, string]>('DELETE FROM doc_snapshots WHERE room >= ? AND room < ?');
  const removeUpdates = db.prepare<[string, string]>('DELETE FROM doc_updates WHERE room >= ? AND room < ?');

  const removeRooms = (reportId: string) => {
    removeSnapshots.run(...roomRange(reportId));
    removeUpdates.run(...roomRange(reportId));
  };
  const renameTx = db.transaction((reportId: string, title: string, entry: AuditRecord | null) => {
    if (rename.run(title, reportId).changes === 0) return false;
    if (entry) audit.append(entry);
    return true;
  });
  const archiveTx = db.transaction((reportId: string, mark: ArchiveMark | null, entry: AuditRecord) => {
    if (archive.run(mark?.at ?? null, mark?.by ?? null, reportId).changes === 0) return false;
    audit.append(entry);
    return true;
  });
  const deleteTx = db.transaction((reportId: string, entry: AuditRecord) => {
    if (remove.run(reportId).changes === 0) return false;
    removeRooms(reportId);
    audit.append(entry);
    return true;
  });
  const removeRoomsTx = db.transaction(removeRooms);

  return {
    async renameReport(reportId, title, entry) {
      return renameTx(reportId, title, entry);
    },
    async setReportArchived(reportId, mark, entry) {
      return archiveTx(reportId, mark, entry);
    },
    async deleteReport(reportId, entry) {
      flushAppends();
      return deleteTx(reportId, entry);
    },
    async deleteReportRooms(reportId) {
      flushAppends();
      removeRoomsTx(reportId);
    },
  };
}
