/**
 * The embedded default store: one SQLite file in WAL mode (DESIGN.md, "Storage and scale").
 * better-sqlite3 is synchronous, so each append is durable against a killed process when it returns:
 * WAL with synchronous=NORMAL loses nothing on a process crash, only (at worst) on a power cut.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReportRecord, SectionRecord, Store, StoredDocument } from './store.js';
import type { ReportStatus } from '../../common/report.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_snapshots (
  room TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  through_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_room_seq ON doc_updates (room, seq);
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  template_id TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_sections (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  owner_department_id TEXT,
  PRIMARY KEY (report_id, id)
);
`;

interface ReportRow {
  id: string;
  title: string;
  status: ReportStatus;
  template_id: string;
  doc_type: string;
  created_at: string;
}

interface SectionRow {
  report_id: string;
  id: string;
  title: string;
  owner_department_id: string | null;
}

function toUint8(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Opens (creating if needed) the SQLite store at `file`. */
export function openSqliteStore(file: string): Store {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insertUpdate = db.prepare<[string, Buffer]>('INSERT INTO doc_updates (room, data) VALUES (?, ?)');
  const selectSnapshot = db.prepare<[string], { data: Buffer; through_seq: number }>(
    'SELECT data, through_seq FROM doc_snapshots WHERE room = ?',
  );
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq',
  );
  const upsertSnapshot = db.prepare<[string, Buffer, number]>(
    `INSERT INTO doc_snapshots (room, data, through_seq) VALUES (?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq`,
  );
  const deleteUpdates = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE room = ? AND seq <= ?');
  const insertReport = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO reports (id, title, status, template_id, doc_type, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSection = db.prepare<[string, string, number, string, string | null]>(
    'INSERT INTO report_sections (report_id, id, position, title, owner_department_id) VALUES (?, ?, ?, ?, ?)',
  );
  const selectReports = db.prepare<[], ReportRow>('SELECT * FROM reports ORDER BY created_at DESC, id');
  const selectReport = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE id = ?');
  const selectAllSections = db.prepare<[], SectionRow>(
    'SELECT report_id, id, title, owner_department_id FROM report_sections ORDER BY report_id, position',
  );
  const selectSections = db.prepare<[string], SectionRow>(
    'SELECT report_id, id, title, owner_department_id FROM report_sections WHERE report_id = ? ORDER BY position',
  );

  const toSection = (row: SectionRow): SectionRecord => ({
    id: row.id,
    title: row.title,
    ownerDepartmentId: row.owner_department_id,
  });
  const toReport = (row: ReportRow, sections: SectionRecord[]): ReportRecord => ({
    id: row.id,
    title: row.title,
    status: row.status,
    templateId: row.template_id,
    docType: row.doc_type,
    createdAt: row.created_at,
    sections,
  });

  const createReport = db.transaction((report: ReportRecord, rooms: ReadonlyMap<string, Uint8Array>) => {
    insertReport.run(report.id, report.title, report.status, report.templateId, report.docType, report.createdAt);
    report.sections.forEach((section, position) => {
      insertSection.run(report.id, section.id, position, section.title, section.ownerDepartmentId);
    });
    for (const [room, state] of rooms) upsertSnapshot.run(room, Buffer.from(state), 0);
  });

  const compact = db.transaction((room: string, snapshot: Uint8Array, throughSeq: number) => {
    upsertSnapshot.run(room, Buffer.from(snapshot), throughSeq);
    deleteUpdates.run(room, throughSeq);
  });

  let open = true;
  return {
    async appendUpdate(room, update) {
      return Number(insertUpdate.run(room, Buffer.from(update)).lastInsertRowid);
    },
    async loadDocument(room): Promise<StoredDocument> {
      const snapshot = selectSnapshot.get(room);
      const since = snapshot?.through_seq ?? 0;
      const rows = selectUpdates.all(room, since);
      return {
        snapshot: snapshot ? toUint8(snapshot.data) : null,
        updates: rows.map((row) => toUint8(row.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : since,
      };
    },
    async compactDocument(room, snapshot, throughSeq) {
      compact(room, snapshot, throughSeq);
    },
    async createReport(report, rooms) {
      createReport(report, rooms);
    },
    async listReports() {
      const byReport = new Map<string, SectionRecord[]>();
      for (const row of selectAllSections.all()) {
        const list = byReport.get(row.report_id) ?? [];
        list.push(toSection(row));
        byReport.set(row.report_id, list);
      }
      return selectReports.all().map((row) => toReport(row, byReport.get(row.id) ?? []));
    },
    async getReport(id) {
      const row = selectReport.get(id);
      return row ? toReport(row, selectSections.all(id).map(toSection)) : null;
    },
    async close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
