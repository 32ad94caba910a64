/**
 * Report housekeeping (issue 10, item 7), for the office and the admin: renaming (the title and the
 * frame's subject together, titleSync.ts), archiving, copying into a new draft, and deleting a draft with
 * everything of it but its audit entries. What must not change on an issued report is refused: its title
 * (409 `report_issued`), and deleting anything but a draft (409 `report_not_draft`); archiving and copying
 * an issued report are housekeeping too and allowed.
 */
import { randomBytes } from 'node:crypto';
import { canManageReports } from '../../common/access.js';
import { AuditAction } from '../../common/auditActions.js';
import { CloseCode } from '../../common/closeCodes.js';
import { MAX_TITLE_LENGTH } from '../../common/limits.js';
import type { Report } from '../../common/report.js';
import type { Identity } from '../auth/identity.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { KeyedQueue } from '../review/keyedQueue.js';
import type { AuditRecord } from '../storage/reviewStore.js';
import type { ReportRecord, Store } from '../storage/store.js';
import { reportIssued } from '../workflow/workflowErrors.js';
import { copyRooms } from './copyRooms.js';
import type { ReportService } from './reportService.js';
import type { TitleSync } from './titleSync.js';

/** What `PATCH /api/reports/:id` changes. */
export interface ReportChange {
  title?: string;
  archived?: boolean;
}

export interface HousekeepingService {
  /** Renames and/or archives or unarchives a report; the report as it is then. */
  update(caller: Identity, reportId: string, change: ReportChange): Promise<Report>;
  /** A new draft from the report: its rooms' content and assignments, "… (bản sao)". */
  copy(caller: Identity, reportId: string): Promise<Report>;
  /** Deletes a draft; every open connection to its rooms is closed with 4404. */
  remove(caller: Identity, reportId: string): Promise<void>;
}

export interface HousekeepingDeps {
  store: Store;
  reports: Pick<ReportService, 'get' | 'find'>;
  titles: TitleSync;
  /** Closes the live rooms of a deleted report and refuses to load them again (the room registry). */
  closeRooms(reportId: string, code: number, reason: string): Promise<void>;
  /** Writes the report's pending edit counts to the audit log before it goes (editTally.ts). */
  flushEdits(reportId: string): Promise<void>;
  /** True while the report is issued or being issued (server/workflow/freezes.ts). */
  isFrozen(report: Pick<Report, 'id' | 'status'>): boolean;
  /** The queue of the report's workflow changes: a deletion runs between them, never during one. */
  queue: KeyedQueue;
  now: () => Date;
}

/** Appended to a copy's title (Vietnamese: the product's language). */
export const COPY_SUFFIX = ' (bản sao)';

export const reportNotDraft = () =>
  new AppError(409, 'report_not_draft', 'Chỉ xóa được báo cáo đang dự thảo (only a draft can be deleted)');

/** The title of a copy: the original's with the suffix, shortened to fit the title's length. */
export function copyTitle(title: string): string {
  return `${title.slice(0, MAX_TITLE_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}

const newId = () => randomBytes(9).toString('base64url');

export function createHousekeepingService(deps: HousekeepingDeps): HousekeepingService {
  const { store, reports, titles } = deps;
  const entry = (reportId: string, caller: Identity, action: string, detail: Record<string, string> = {}): AuditRecord => ({
    reportId,
    at: deps.now().toISOString(),
    userId: caller.userId,
    action,
    detail,
  });
  const officeOnly = (caller: Identity, what: string) => {
    if (!canManageReports(caller.role)) throw forbidden(`Chỉ Văn phòng mới ${what} báo cáo (only the office may do this)`);
  };
  const current = async (reportId: string): Promise<Report> => {
    const report = await reports.find(reportId);
    if (!report) throw notFound(`report "${reportId}"`);
    return report;
  };

  const rename = async (caller: Identity, report: Report, title: string) => {
    if (deps.isFrozen(report)) throw reportIssued();
    if (title === report.title) return;
    const renamed = await titles.rename(report.id, title, entry(report.id, caller, AuditAction.reportRenamed, { from: report.title, to: title }));
    if (!renamed) throw (await reports.find(report.id)) === null ? notFound(`report "${report.id}"`) : reportIssued();
  };

  const archive = async (caller: Identity, report: Report, archived: boolean) => {
    if ((report.archivedAt !== undefined) === archived) return;
    const at = deps.now().toISOString();
    const action = archived ? AuditAction.reportArchived : AuditAction.reportUnarchived;
    const mark = archived ? { at, by: caller.userId } : null;
    if (!(await store.setReportArchived(report.id, mark, entry(report.id, caller, action)))) throw notFound(`report "${report.id}"`);
  };

  return {
    async update(caller, reportId, change) {
      officeOnly(caller, 'đổi tên hay lưu trữ');
      const report = await reports.get(caller, reportId);
      const title = change.title?.normalize('NFC').trim();
      if (title !== undefined) await rename(caller, report, title);
      if (change.archived !== undefined) await archive(caller, report, change.archived);
      return current(reportId);
    },

    async copy(caller, reportId) {
      officeOnly(caller, 'sao chép');
      const source = await reports.get(caller, reportId);
      const original = await store.getReport(reportId);
      if (!original) throw notFound(`report "${reportId}"`);
      const title = copyTitle(source.title);
      const record: ReportRecord = {
        id: newId(),
        title,
        status: 'draft',
        templateId: original.templateId,
        docType: original.docType,
        createdAt: deps.now().toISOString(),
        sections: original.sections.map(({ id, title: sectionTitle, ownerDepartmentId }) => ({ id, title: sectionTitle, ownerDepartmentId })),
      };
      const rooms = await copyRooms(store, source, { id: record.id, status: 'draft', sections: source.sections }, title);
      await store.createReport(record, rooms, [
        entry(record.id, caller, AuditAction.reportCreated, { templateId: record.templateId, copiedFrom: reportId }),
        entry(reportId, caller, AuditAction.reportCopied, { copyId: record.id }),
      ]);
      titles.known(record.id, title);
      return current(record.id);
    },

    async remove(caller, reportId) {
      officeOnly(caller, 'xóa');
      const report = await reports.get(caller, reportId);
      if (report.status !== 'draft') throw reportNotDraft();
      await deps.queue.run(reportId, async () => {
        await deps.flushEdits(reportId);
        // The store checks the status again, in the deletion's transaction.
        if (!(await store.deleteReport(reportId, entry(reportId, caller, AuditAction.reportDeleted, { title: report.title })))) {
          throw (await reports.find(reportId)) === null ? notFound(`report "${reportId}"`) : reportNotDraft();
        }
      });
      await deps.closeRooms(reportId, CloseCode.reportDeleted, 'the report was deleted');
      // What the rooms stored between the deletion and their closing.
      await store.deleteReportRooms(reportId);
      titles.forget(reportId);
    },
  };
}
