/** Reports and their sections in PostgreSQL (tables in reportsSchema.ts). */
import { toReport, toSection, type ReportRow, type SectionRow } from '../rows/reportRows.js';
import { StoreConflictError, type ReportRecord, type ReportStore, type SectionRecord } from '../store.js';
import { appendAuditEntry } from './audit.js';
import { CONSISTENT_READ, isPgUniqueViolation, type PgDb, type PgQueryable } from './db.js';
import { saveStartingState } from './documents.js';

/** A report's columns and its issue's (without the file), if it has one. */
const SELECT_REPORTS = `SELECT r.id, r.title, r.status, r.template_id, r.doc_type, r.created_at, r.archived_at, r.archived_by,
  i.symbol AS issue_symbol, i.year AS issue_year, i.number AS issue_number, i.date AS issue_date,
  i.issued_at, i.issued_by, i.sha256 AS issue_sha256
  FROM reports r LEFT JOIN report_issues i ON i.report_id = r.id`;

const SELECT_SECTIONS = 'SELECT report_id, id, title, owner_department_id FROM report_sections';

async function insertReport(tx: PgQueryable, report: ReportRecord): Promise<void> {
  await tx.query('INSERT INTO reports (id, title, status, template_id, doc_type, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    report.id,
    report.title,
    report.status,
    report.templateId,
    report.docType,
    report.createdAt,
  ]);
  for (const [position, section] of report.sections.entries()) {
    await tx.query('INSERT INTO report_sections (report_id, id, position, title, owner_department_id) VALUES ($1, $2, $3, $4, $5)', [
      report.id,
      section.id,
      position,
      section.title,
      section.ownerDepartmentId,
    ]);
  }
}

export function pgReports(db: PgDb): ReportStore {
  return {
    async createReport(report, rooms, audit = []) {
      try {
        await db.transaction(async (tx) => {
          await insertReport(tx, report);
          for (const [room, state] of rooms) await saveStartingState(tx, room, state);
          for (const entry of audit) await appendAuditEntry(tx, entry);
        });
      } catch (error) {
        if (isPgUniqueViolation(error)) throw new StoreConflictError(`report "${report.id}" exists`);
        throw error;
      }
    },
    // Reports and sections read in one snapshot: a report created meanwhile comes with all its sections or not at all.
    async listReports() {
      return db.transaction(async (tx) => {
        const { rows: sections } = await tx.query<SectionRow>(`${SELECT_SECTIONS} ORDER BY report_id, position`);
        const byReport = new Map<string, SectionRecord[]>();
        for (const row of sections) {
          const list = byReport.get(row.report_id) ?? [];
          list.push(toSection(row));
          byReport.set(row.report_id, list);
        }
        const { rows } = await tx.query<ReportRow>(`${SELECT_REPORTS} ORDER BY r.created_at DESC, r.id`);
        return rows.map((row) => toReport(row, byReport.get(row.id) ?? []));
      }, CONSISTENT_READ);
    },
    async getReport(id) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<ReportRow>(`${SELECT_REPORTS} WHERE r.id = $1`, [id]);
        if (rows.length === 0) return null;
        const { rows: sections } = await tx.query<SectionRow>(`${SELECT_SECTIONS} WHERE report_id = $1 ORDER BY position`, [id]);
        return toReport(rows[0]!, sections.map(toSection));
      }, CONSISTENT_READ);
    },
    async setSectionOwner(reportId, sectionId, ownerDepartmentId, audit) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query('UPDATE report_sections SET owner_department_id = $1 WHERE report_id = $2 AND id = $3', [
          ownerDepartmentId,
          reportId,
          sectionId,
        ]);
        if (rowCount === 0) return false;
        if (audit) await appendAuditEntry(tx, audit);
        return true;
      });
    },
  };
}
