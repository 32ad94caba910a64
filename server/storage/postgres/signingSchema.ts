/**
 * The signing tables in PostgreSQL (issue 10, items 3–4; SQLite's in sqlite/signingSchema.ts).
 *
 * - `report_pdfs`: the PDF of an issued report, rendered once, with its SHA-256. A row never changes.
 * - `signed_copies`: every signed copy the office uploaded, in order (`seq`); the newest is the current
 *   one. `signatures` is the JSON text of what the PDF's signatures said when it was uploaded, `data` the
 *   file as uploaded (listing never reads it). Rows never change either.
 */
import { sqlMigration } from './migrations.js';

export const SIGNING_SCHEMA = sqlMigration(
  '2026-12-pg-signing',
  `
CREATE TABLE report_pdfs (
  report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  sha256 TEXT COLLATE "C" NOT NULL,
  rendered_at TEXT COLLATE "C" NOT NULL,
  rendered_by TEXT COLLATE "C" NOT NULL,
  pdf BYTEA NOT NULL
);
CREATE TRIGGER report_pdfs_fixed BEFORE UPDATE ON report_pdfs
  FOR EACH ROW EXECUTE FUNCTION refuse_change('a rendered PDF does not change');
CREATE TABLE signed_copies (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  sha256 TEXT COLLATE "C" NOT NULL,
  size BIGINT NOT NULL,
  file_name TEXT COLLATE "C" NOT NULL,
  content_type TEXT COLLATE "C" NOT NULL,
  uploaded_by TEXT COLLATE "C" NOT NULL,
  uploaded_by_name TEXT COLLATE "C",
  uploaded_at TEXT COLLATE "C" NOT NULL,
  signatures TEXT COLLATE "C" NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX signed_copies_report ON signed_copies (report_id, seq);
CREATE TRIGGER signed_copies_fixed BEFORE UPDATE ON signed_copies
  FOR EACH ROW EXECUTE FUNCTION refuse_change('a signed copy does not change');
`,
);
