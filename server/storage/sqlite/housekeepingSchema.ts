/**
 * Report housekeeping (issue 10, item 7): a report may be archived — hidden from the default list, not
 * frozen — recorded as when and by whom; null while it is not.
 */
import type { Migration } from './migrations.js';

export const REPORTS_ARCHIVED: Migration = {
  id: '2025-12-reports-archived',
  up(db) {
    db.exec(`
ALTER TABLE reports ADD COLUMN archived_at TEXT;
ALTER TABLE reports ADD COLUMN archived_by TEXT;
`);
  },
};
