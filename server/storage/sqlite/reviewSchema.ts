/**
 * The review's tables (issue 9). Authors are stored as they were when they wrote (name and department),
 * as a letter keeps its signature; mentions as JSON beside the text, and once more per target in
 * `comment_mentions`, which records whether the target has opened the thread.
 */
export const REVIEW_SCHEMA = `
CREATE TABLE IF NOT EXISTS comment_threads (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  anchor_from TEXT NOT NULL,
  anchor_to TEXT NOT NULL,
  quote TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_department_id TEXT,
  body TEXT NOT NULL,
  mentions TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0,
  resolved_by TEXT,
  resolved_at TEXT,
  FOREIGN KEY (report_id, section_id) REFERENCES report_sections (report_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS comment_threads_report ON comment_threads (report_id, created_at);
CREATE TABLE IF NOT EXISTS comment_replies (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_department_id TEXT,
  body TEXT NOT NULL,
  mentions TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comment_replies_thread ON comment_replies (thread_id, seq);
CREATE TABLE IF NOT EXISTS comment_mentions (
  thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('department', 'user')),
  target_id TEXT NOT NULL,
  opened_at TEXT,
  PRIMARY KEY (thread_id, kind, target_id)
);
CREATE INDEX IF NOT EXISTS comment_mentions_target ON comment_mentions (kind, target_id);
CREATE TABLE IF NOT EXISTS suggestions (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  anchor_from TEXT NOT NULL,
  anchor_to TEXT NOT NULL,
  quote TEXT NOT NULL,
  replacement TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_department_id TEXT,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'rejected')),
  decided_by TEXT,
  decided_at TEXT,
  FOREIGN KEY (report_id, section_id) REFERENCES report_sections (report_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS suggestions_report ON suggestions (report_id, created_at);
CREATE TABLE IF NOT EXISTS section_reviews (
  report_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('approved', 'returned', 'changed')),
  note TEXT,
  by_user TEXT NOT NULL,
  by_name TEXT NOT NULL,
  at TEXT NOT NULL,
  changed_by TEXT,
  changed_at TEXT,
  PRIMARY KEY (report_id, section_id),
  FOREIGN KEY (report_id, section_id) REFERENCES report_sections (report_id, id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_report ON audit_log (report_id, seq);
`;
