/** Reports and their sections in SQLite. */
import type { Database } from 'better-sqlite3';
import type { ReportStatus } from '../../../common/report.js';
import { StoreConflictError, type ReportRecord, type ReportStore, type SectionRecord } from '../store.js';
import { isUniqueViolation } from './schema.js';

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

/** `saveRoom` writes a room's starting state inside the report's transaction. */
export function sqliteReports(db: Database, saveRoom: (room: string, state: Uint8Array) => void): ReportStore {
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
  const updateOwner = db.prepare<[string | null, string, string]>(
    'UPDATE report_sections SET owner_department_id = ? WHERE report_id = ? AND id = ?',
  );

  const create = db.transaction((report: ReportRecord, rooms: ReadonlyMap<string, Uint8Array>) => {
    insertReport.run(report.id, report.title, report.status, report.templateId, report.docType, report.createdAt);
    report.sections.forEach((section, position) => {
      insertSection.run(report.id, section.id, position, section.title, section.ownerDepartmentId);
    });
    for (const [room, state] of rooms) saveRoom(room, state);
  });

  return {
    async createReport(report, rooms) {
      try {
        create(report, rooms);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError(`report "${report.id}" exists`);
        throw error;
      }
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
    async setSectionOwner(reportId, sectionId, ownerDepartmentId) {
      return updateOwner.run(ownerDepartmentId, reportId, sectionId).changes > 0;
    },
  };
}
