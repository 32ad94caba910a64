/**
 * Named versions of a report (issue 10, item 5, first part): one is stored with every status change (in the
 * same transaction, see workflowService.ts), and the office saves one under a label of its own. Each holds
 * the whole state of the frame and every section as stored at that moment (`report_version_rooms`), which
 * is what opening, exporting, comparing and restoring one will read.
 */
import type { Version } from '../../common/api/workflow.js';
import type { Report, ReportStatus } from '../../common/report.js';
import { canIssue } from '../../common/workflow.js';
import type { Identity } from '../auth/identity.js';
import { forbidden } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import type { Store } from '../storage/store.js';
import type { VersionKind, VersionRecord, VersionSummary } from '../storage/workflowStore.js';
import type { WorkflowRooms } from './workflowRooms.js';

export interface VersionService {
  /** Newest first. */
  list(caller: Identity, reportId: string): Promise<Version[]>;
  /** Saves the report as it is now under `label` (the office). */
  create(caller: Identity, reportId: string, label: string): Promise<Version>;
  /** A version of the report as it is now, to be stored (with a status change, or by {@link create}). */
  capture(report: Report, made: { label: string; kind: VersionKind; status: ReportStatus; by: Identity; at: string }): Promise<VersionRecord>;
}

export interface VersionDeps {
  store: Store;
  reports: Pick<ReportService, 'get'>;
  rooms: Pick<WorkflowRooms, 'readStates'>;
  now: () => Date;
  newId: () => string;
}

export function versionShape(version: VersionSummary): Version {
  const { id, label, kind, status, createdAt, createdBy, createdByName } = version;
  return { id, label, kind, status, createdAt, by: createdBy, byName: createdByName };
}

export function createVersionService({ store, reports, rooms, now, newId }: VersionDeps): VersionService {
  const service: VersionService = {
    async list(caller, reportId) {
      await reports.get(caller, reportId);
      return (await store.listVersions(reportId)).map(versionShape);
    },

    async create(caller, reportId, label) {
      if (!canIssue(caller.role)) throw forbidden('Chỉ Văn phòng mới lưu phiên bản (only the office saves a named version)');
      const report = await reports.get(caller, reportId);
      const at = now().toISOString();
      const version = await service.capture(report, { label, kind: 'manual', status: report.status, by: caller, at });
      await store.createVersion(version, { reportId, at, userId: caller.userId, action: 'version.created', detail: { versionId: version.id, label } });
      return versionShape(version);
    },

    async capture(report, { label, kind, status, by, at }) {
      return {
        id: newId(),
        reportId: report.id,
        label,
        kind,
        status,
        createdAt: at,
        createdBy: by.userId,
        createdByName: by.displayName,
        rooms: await rooms.readStates(report),
      };
    },
  };
  return service;
}
