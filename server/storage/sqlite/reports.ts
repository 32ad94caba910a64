/** Reports and their sections in SQLite. */
import type { Database } from 'better-sqlite3';
import { toReport, toSection, type ReportRow, type SectionRow } from '../rows/reportRows.js';
import { StoreConflictError, type ReportRecord, type ReportStore, type SectionRecord } from '../store.js';
import type { AuditRecord } from '../reviewStore.js';
import { isUniqueViolation } from './schema.js';

/** A report's columns and its issue's (without the file), if it has one. */
const SELECT_REPORTS = `SELECT r.*, i.symbol AS issue_symbol, i.year AS issue_year, i.number AS issue_number, i.date AS issue_date,
  i.issued_at, i.issued_by, i.sha256 AS issue_sha256
  FROM reports r LEFT JOIN report_issues i ON i.report_id = r.id`;

/**
 * `saveRoom` writes a room's starting state inside the report's transaction, `appendAudit` an audit entry
 * inside the transaction of the change it records.
 */
export function sqliteReports(
  db: Database,
  saveRoom: (room: string, state: Uint8Array) => void,
  appendAudit: (entry: AuditRecord) => void,
): ReportStore {
  const insertReport = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO reports (id, title, status, template_id, doc_type, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSection = db.prepare<[string, string, number, string, string | null]>(
    'INSERT INTO report_sections (report_id, id, position, title, owner_department_id) VALUES (?, ?, ?, ?, ?)',
  );
  const selectReports = db.prepare<[], ReportRow>(`${SELECT_REPORTS} ORDER BY r.created_at DESC, r.id`);
  const selectReport = db.prepare<[string], ReportRow>(`${SELECT_REPORTS} WHERE r.id = ?`);
  const selectAllSections = db.prepare<[], SectionRow>(
    'SELECT report_id, id, title, owner_department_id FROM report_sections ORDER BY report_id, position',
  );
  const selectSections = db.prepare<[string], SectionRow>(
    'SELECT report_id, id, title, owner_department_id FROM report_sections WHERE report_id = ? ORDER BY position',
  );
  const updateOwner = db.prepare<[string | null, string, string]>(
    'UPDATE report_sections SET owner_department_id = ? WHERE report_id = ? AND id = ?',
  );

  const create = db.transaction((report: ReportRecord, rooms: ReadonlyMap<string, Uint8Array>, audit: readonly AuditRecord[]) => {
    insertReport.run(report.id, report.title, report.status, report.templateId, report.docType, report.createdAt);
    report.sections.forEach((section, position) => {
      insertSection.run(report.id, section.id, position, section.title, section.ownerDepartmentId);
    });
    for (const [room, state] of rooms) saveRoom(room, state);
    for (const entry of audit) appendAudit(entry);
  });
  const assign = db.transaction((reportId: string, sectionId: string, ownerDepartmentId: string | null, audit: AuditRecord | undefined) => {
    if (updateOwner.run(ownerDepartmentId, reportId, sectionId).changes === 0) return false;
    if (audit) appendAudit(audit);
    return true;
  });

  return {
    async createReport(report, rooms, audit = []) {
      try {
        create(report, rooms, audit);
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
    async setSectionOwner(reportId, sectionId, ownerDepartmentId, audit) {
      return assign(reportId, sectionId, ownerDepartmentId, audit);
    },
  };
}
