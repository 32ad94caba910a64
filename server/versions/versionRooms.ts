/**
 * A stored version's rooms in the shape the export reads (server/export/loadReport.ts): each room's whole
 * state as its snapshot, with no update after it. So opening, exporting and comparing a version go through
 * the very code that reads the rooms now.
 */
import type { Report } from '../../common/report.js';
import { formatRoomName, isValidId } from '../../common/rooms.js';
import { notFound } from '../errors.js';
import type { StoredReportRooms } from '../export/loadReport.js';
import type { StoredDocument } from '../storage/store.js';
import type { VersionRecord, WorkflowStore } from '../storage/workflowStore.js';

/** A room as a version holds it; a room the version lacks reads as empty. */
function stored(state: Uint8Array | undefined): StoredDocument {
  return { snapshot: state ?? null, updates: [], lastSeq: 0 };
}

/** The frame and every section of `report`, as `version` holds them. */
export function versionRooms(report: Report, version: Pick<VersionRecord, 'rooms'>): StoredReportRooms {
  return {
    frame: stored(version.rooms.get(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }))),
    sections: report.sections.map((section) => stored(version.rooms.get(section.room))),
  };
}

/** The version `versionId` of the report, with its rooms; 404 when the report has none by that id. */
export async function findVersion(store: Pick<WorkflowStore, 'getVersion'>, reportId: string, versionId: string): Promise<VersionRecord> {
  const version = isValidId(versionId) ? await store.getVersion(reportId, versionId) : null;
  if (!version) throw notFound(`version "${versionId.slice(0, 64)}"`);
  return version;
}
