/**
 * Step 2 of the room pipeline: may this identity open this room, and may it write? The rules are
 * common/access.ts; DESIGN.md gives each room its one write rule.
 */
import { canSeeReport, frameAccess, sectionAccess, type Access } from '../../common/access.js';
import type { Report } from '../../common/report.js';
import type { RoomName, RoomPart } from '../../common/rooms.js';
import type { Identity } from '../auth/identity.js';
import { forbidden, notFound } from '../errors.js';

/** What a person may do in one part of a report: write, read, nothing (`hidden`), or there is no such part. */
export type RoomVerdict = Access | 'hidden' | 'missing';

/** Whether a report is frozen: issued, or being issued (server/workflow/freezes.ts). */
export type FrozenCheck = (report: Report) => boolean;

/** Without a process that issues reports, a report is frozen when its stored status is `issued`. */
export const isIssued: FrozenCheck = (report) => report.status === 'issued';

/**
 * The access of `identity` to a part of `report`. A frozen report (issue 10: issued, or being issued) is
 * read-only for everyone, in every room.
 */
export function roomAccess(identity: Identity, report: Report, part: RoomPart, frozen = isIssued(report)): RoomVerdict {
  if (!canSeeReport(identity, report.sections.map((section) => section.ownerDepartmentId))) return 'hidden';
  switch (part.kind) {
    case 'review':
      // Written only by the server (DESIGN.md).
      return 'read';
    case 'frame':
      return frozen ? 'read' : frameAccess(identity);
    case 'section': {
      const section = report.sections.find((candidate) => candidate.id === part.sectionId);
      if (!section) return 'missing';
      return frozen ? 'read' : sectionAccess(identity, section.ownerDepartmentId);
    }
  }
}

/** The access granted at the upgrade, or throws the AppError that answers it (403, 404). */
export async function authoriseRoom(
  identity: Identity,
  room: RoomName,
  findReport: (id: string) => Promise<Report | null>,
  isFrozen: FrozenCheck = isIssued,
): Promise<Access> {
  const report = await findReport(room.reportId);
  if (!report) throw notFound(`report "${room.reportId}"`);
  const verdict = roomAccess(identity, report, room.part, isFrozen(report));
  switch (verdict) {
    case 'hidden':
      throw forbidden('this report is not shared with you');
    case 'missing':
      throw notFound('no such part of the report');
    default:
      return verdict;
  }
}
