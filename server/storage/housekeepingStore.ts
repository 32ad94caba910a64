/**
 * Report housekeeping in the storage interface (issue 10, item 7): renaming, archiving and deleting a
 * report, each written together with its audit entry, all or nothing. Creating (and so copying) a report
 * and assigning its sections take their audit entries in ReportStore.
 */
import type { AuditRecord } from './reviewStore.js';

/** Who archived a report, and when. */
export interface ArchiveMark {
  /** ISO 8601, UTC. */
  at: string;
  by: string;
}

export interface HousekeepingStore {
  /**
   * Sets a report's title; with its audit entry when given (a title that follows the frame's subject as the
   * office types it has none: the edits are counted per hour). False, changing nothing, when there is no
   * such report or it is issued (its title is the subject it was issued with).
   */
  renameReport(reportId: string, title: string, audit: AuditRecord | null): Promise<boolean>;
  /** Archives (`mark`) or unarchives (null) a report; false when there is no such report. */
  setReportArchived(reportId: string, mark: ArchiveMark | null, audit: AuditRecord): Promise<boolean>;
  /**
   * Deletes a draft and everything of it — sections, review, versions, the stored state of its rooms — but
   * its audit entries, and appends `audit`. False, changing nothing, when there is no such report or it is
   * not a draft.
   */
  deleteReport(reportId: string, audit: AuditRecord): Promise<boolean>;
  /**
   * Removes the stored state of every room of a report (`<reportId>/…`): what a room still being closed
   * appended after the report was deleted.
   */
  deleteReportRooms(reportId: string): Promise<void>;
}
