/**
 * The signing tables (issue 10, items 3–4), added beside the others (schema.ts): a file written before
 * them gets them when it is opened, and nothing else changes.
 *
 * - `report_pdfs`: the PDF of an issued report, rendered once from the Word file stored at issuing, with
 *   its SHA-256: every later download returns it. A row never changes (a trigger refuses it).
 * - `signed_copies`: every signed copy the office uploaded, in order (`seq`); the newest is the current
 *   one, the earlier ones stay as its history. `signatures` is the JSON of what the PDF's signatures said
 *   when it was uploaded; `data` the file exactly as uploaded, last so that listing the copies never reads it.
 *   Rows never change either.
 */
export const SIGNING_SCHEMA = `
CREATE TABLE IF NOT EXISTS report_pdfs (
  report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  rendered_at TEXT NOT NULL,
  rendered_by TEXT NOT NULL,
  pdf BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS report_pdfs_fixed BEFORE UPDATE ON report_pdfs
BEGIN
  SELECT RAISE(ABORT, 'a rendered PDF does not change');
END;
CREATE TABLE IF NOT EXISTS signed_copies (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_by_name TEXT,
  uploaded_at TEXT NOT NULL,
  signatures TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS signed_copies_report ON signed_copies (report_id, seq);
CREATE TRIGGER IF NOT EXISTS signed_copies_fixed BEFORE UPDATE ON signed_copies
BEGIN
  SELECT RAISE(ABORT, 'a signed copy does not change');
END;
`;
