/**
 * The review's tables in PostgreSQL (issue 9; SQLite's in sqlite/reviewSchema.ts). Authors are stored as
 * they were when they wrote; mentions as JSON text beside the text (given back exactly as written), and
 * once more per target in `comment_mentions`, which records whether the target has opened the thread.
 * `seq` keeps the order rows were written in, where SQLite has its rowid: threads and suggestions written
 * at the same `created_at` list in that order.
 */
import { sqlMigration } from './migrations.js';

export const REVIEW_SCHEMA = sqlMigration(
  '2026-12-pg-review',
  `
CREATE TABLE comment_threads (
  seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY,
  report_id TEXT COLLATE "C" NOT NULL,
  section_id TEXT COLLATE "C" NOT NULL,
  anchor_from TEXT COLLATE "C" NOT NULL,
  anchor_to TEXT COLLATE "C" NOT NULL,
  quote TEXT COLLATE "C" NOT NULL,
  author_id TEXT COLLATE "C" NOT NULL,
  author_name TEXT COLLATE "C" NOT NULL,
  author_department_id TEXT COLLATE "C",
  body TEXT COLLATE "C" NOT NULL,
  mentions TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  resolved BOOLEAN NOT NULL DEFAULT false,
  resolved_by TEXT COLLATE "C",
  resolved_at TEXT COLLATE "C",
  FOREIGN KEY (report_id, section_id) REFERENCES report_sections (report_id, id) ON DELETE CASCADE
);
CREATE INDEX comment_threads_report ON comment_threads (report_id, created_at, seq);
CREATE TABLE comment_replies (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  thread_id TEXT COLLATE "C" NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  author_id TEXT COLLATE "C" NOT NULL,
  author_name TEXT COLLATE "C" NOT NULL,
  author_department_id TEXT COLLATE "C",
  body TEXT COLLATE "C" NOT NULL,
  mentions TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX comment_replies_thread ON comment_replies (thread_id, seq);
CREATE TABLE comment_mentions (
  thread_id TEXT COLLATE "C" NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('department', 'user')),
  target_id TEXT COLLATE "C" NOT NULL,
  opened_at TEXT COLLATE "C",
  PRIMARY KEY (thread_id, kind, target_id)
);
CREATE INDEX comment_mentions_target ON comment_mentions (kind, target_id);
CREATE TABLE suggestions (
  seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  id TEXT COLLATE "C" PRIMARY KEY,
  report_id TEXT COLLATE "C" NOT NULL,
  section_id TEXT COLLATE "C" NOT NULL,
  anchor_from TEXT COLLATE "C" NOT NULL,
  anchor_to TEXT COLLATE "C" NOT NULL,
  quote TEXT COLLATE "C" NOT NULL,
  replacement TEXT COLLATE "C" NOT NULL,
  author_id TEXT COLLATE "C" NOT NULL,
  author_name TEXT COLLATE "C" NOT NULL,
  author_department_id TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('open', 'accepted', 'rejected')),
  decided_by TEXT COLLATE "C",
  decided_at TEXT COLLATE "C",
  FOREIGN KEY (report_id, section_id) REFERENCES report_sections (report_id, id) ON DELETE CASCADE
);
CREATE INDEX suggestions_report ON suggestions (report_id, created_at, seq);
CREATE TABLE section_reviews (
  report_id TEXT COLLATE "C" NOT NULL,
  section_id TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('approved', 'returned', 'changed')),
  note TEXT COLLATE "C",
  by_user TEXT COLLATE "C" NOT NULL,
  by_name TEXT COLLATE "C" NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  changed_by TEXT COLLATE "C",
  changed_at TEXT COLLATE "C",
  PRIMARY KEY (report_id, section_id),
  FOREIGN KEY (report_id, section_id) REFERENCES report_sections (report_id, id) ON DELETE CASCADE
);
`,
);
