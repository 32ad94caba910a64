/**
 * Restoring a named version (issue 10, item 5; CONTRACT.md: "the rooms now read as that version, as a new
 * change"), by the office, before the report is issued. In the report's workflow queue, so it never runs
 * beside a status change or an issue:
 *
 * 1. refuse an issued report, or one being issued (409 `report_issued`);
 * 2. in each room (frame, then every section), in one turn of the room's queue: read its state, make it
 *    read as the version (readAsVersion.ts), read it again — stored, then sent to every open editor;
 * 3. store the states read before as a version "Trước khi khôi phục: …", then those read after as
 *    "Khôi phục: …", each with its audit entry. Whatever anyone wrote since the version is in the first:
 *    nothing is silently lost, and a restore can itself be undone by restoring that version.
 *
 * Then, out of the queue, whoever follows the frame is told (the report's title is its subject).
 *
 * Should a room fail half-way, the "before" version is stored all the same (the rooms not reached as
 * stored), so that nothing written is lost, and the failure is thrown.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { MAX_VERSION_LABEL_LENGTH, type Version } from '../../common/api/workflow.js';
import type { Report } from '../../common/report.js';
import { formatRoomName, parseRoomName } from '../../common/rooms.js';
import { canIssue } from '../../common/workflow.js';
import type { Identity } from '../auth/identity.js';
import { forbidden } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import type { KeyedQueue } from '../review/keyedQueue.js';
import type { AuditRecord } from '../storage/reviewStore.js';
import type { VersionRecord, WorkflowStore } from '../storage/workflowStore.js';
import type { Freezes } from '../workflow/freezes.js';
import { versionShape } from '../workflow/versions.js';
import { reportIssued } from '../workflow/workflowErrors.js';
import { contentRooms } from '../workflow/workflowRooms.js';
import type { RestoreRooms, RoomRestore } from './restoreRooms.js';
import { findVersion } from './versionRooms.js';

export interface RestoreDeps {
  store: Pick<WorkflowStore, 'getVersion' | 'createVersion'>;
  reports: Pick<ReportService, 'get'>;
  rooms: RestoreRooms;
  freezes: Pick<Freezes, 'isFrozen'>;
  /** The queue of status changes (server/workflow/workflowService.ts): one change of a report at a time. */
  queue: KeyedQueue;
  /** Told of each section the restore changed: an approved section becomes `changed` (issue 9). */
  onSectionChanged: (reportId: string, sectionId: string, userId: string) => Promise<void>;
  /**
   * Told when the restore changed the frame, once the restore is done and out of the report's queue (the
   * title follows the frame's subject, issue 10 item 7, as a task of that queue of its own).
   */
  onFrameChanged?: (reportId: string) => Promise<void>;
  logger: FastifyBaseLogger;
  now?: () => Date;
  newId?: () => string;
}

/** What a restore did: the report, the version restored, the two versions it stored, the sections it changed. */
export interface RestoreOutcome {
  report: Report;
  from: Version;
  before: Version;
  after: Version;
  sections: string[];
}

export type RestoreVersion = (caller: Identity, reportId: string, versionId: string) => Promise<RestoreOutcome>;

/** A label with a prefix, cut to the longest a label may be. */
function labelled(prefix: string, label: string): string {
  return Array.from(`${prefix}${label}`).slice(0, MAX_VERSION_LABEL_LENGTH).join('');
}

export function versionRestorer(deps: RestoreDeps): RestoreVersion {
  const { store, reports, rooms, freezes, queue, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomBytes(9).toString('base64url'));

  /** A version of `report` to store, made by `caller` now. */
  const record = (caller: Identity, report: Report, label: string, states: ReadonlyMap<string, Uint8Array>): VersionRecord => ({
    id: newId(),
    reportId: report.id,
    label,
    kind: 'restore',
    status: report.status,
    createdAt: now().toISOString(),
    createdBy: caller.userId,
    createdByName: caller.displayName,
    rooms: states,
  });
  const audit = (caller: Identity, report: Report, action: string, detail: Record<string, string>): AuditRecord => ({
    reportId: report.id,
    at: now().toISOString(),
    userId: caller.userId,
    action,
    detail,
  });

  /** Stores what the rooms held just before the restore, as a version of its own. */
  async function storeBefore(caller: Identity, report: Report, restoring: VersionRecord, states: ReadonlyMap<string, Uint8Array>) {
    const before = record(caller, report, labelled('Trước khi khôi phục: ', restoring.label), states);
    await store.createVersion(before, audit(caller, report, 'version.created', { versionId: before.id, label: before.label, restoring: restoring.id }));
    return before;
  }

  /**
   * Restores every room the version holds, into `done`. Should one fail, the "before" version is stored
   * from what `done` read and, for the rooms not reached, from the store; then the failure is thrown.
   */
  async function restoreEach(caller: Identity, report: Report, version: VersionRecord, done: Map<string, RoomRestore>): Promise<void> {
    try {
      for (const room of contentRooms(report)) {
        const state = version.rooms.get(room);
        if (state !== undefined) done.set(room, await rooms.restoreRoom(room, state));
      }
    } catch (error) {
      const states = new Map<string, Uint8Array>();
      for (const room of contentRooms(report)) states.set(room, done.get(room)?.before ?? (await rooms.storedState(room)));
      await storeBefore(caller, report, version, states);
      throw error;
    }
  }

  /** Tells the review of each section the restore changed; a failure is logged (the restore is done). */
  async function noteChanged(caller: Identity, report: Report, sections: readonly string[]): Promise<void> {
    for (const sectionId of sections) {
      await deps.onSectionChanged(report.id, sectionId, caller.userId).catch((error: unknown) => {
        logger.error({ err: error, room: `${report.id}/section/${sectionId}` }, 'could not record a restored edit of an approved section');
      });
    }
  }

  /** The restore itself, as a task of the report's queue; whether it changed the frame. */
  async function restoreInQueue(caller: Identity, reportId: string, versionId: string): Promise<{ outcome: RestoreOutcome; frameChanged: boolean }> {
    const report = await reports.get(caller, reportId);
    if (freezes.isFrozen(report)) throw reportIssued();
    const version = await findVersion(store, report.id, versionId);
    const done = new Map<string, RoomRestore>();
    await restoreEach(caller, report, version, done);
    const states = (which: 'before' | 'after') => new Map([...done].map(([room, restored]) => [room, restored[which]]));
    const before = await storeBefore(caller, report, version, states('before'));
    const after = record(caller, report, labelled('Khôi phục: ', version.label), states('after'));
    const sections = [...done].flatMap(([room, { changed }]) => {
      const name = parseRoomName(room);
      return changed && name?.part.kind === 'section' ? [name.part.sectionId] : [];
    });
    const detail = { versionId: after.id, restored: version.id, label: version.label, before: before.id, sections: sections.join(',') };
    await store.createVersion(after, audit(caller, report, 'version.restored', detail));
    await noteChanged(caller, report, sections);
    const outcome = { report, from: versionShape(version), before: versionShape(before), after: versionShape(after), sections };
    return { outcome, frameChanged: done.get(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }))?.changed === true };
  }

  return async (caller, reportId, versionId) => {
    if (!canIssue(caller.role)) throw forbidden('Chỉ Văn phòng mới khôi phục phiên bản (only the office restores a version)');
    await reports.get(caller, reportId);
    const { outcome, frameChanged } = await queue.run(reportId, () => restoreInQueue(caller, reportId, versionId));
    if (frameChanged && deps.onFrameChanged) {
      await deps.onFrameChanged(reportId).catch((error: unknown) => {
        logger.error({ err: error, room: `${reportId}/frame` }, 'could not follow a restored frame (the report’s title)');
      });
    }
    return outcome;
  };
}
