/**
 * Step 2 of the room pipeline: may this identity open this room, and may it write? (DESIGN.md, the write
 * rule of each room.) Until accounts exist every guest may write the frame and the sections; nobody
 * writes the review room over the socket.
 */
import type { RoomName } from '../../common/rooms.js';
import type { Identity } from '../auth/identity.js';
import type { ReportService } from '../reports/reportService.js';
import { notFound } from '../errors.js';
import type { Access } from './connection.js';

/** The access granted, or throws an `AppError` whose status answers the upgrade (403, 404). */
export async function authoriseRoom(identity: Identity, room: RoomName, reports: ReportService): Promise<Access> {
  const report = await reports.find(room.reportId);
  if (!report) throw notFound(`report "${room.reportId}"`);
  switch (room.part.kind) {
    case 'review':
      return 'read';
    case 'frame':
      return writerAccess(identity);
    case 'section': {
      const { sectionId } = room.part;
      if (!report.sections.some((section) => section.id === sectionId)) throw notFound(`section "${sectionId}"`);
      return writerAccess(identity);
    }
  }
}

function writerAccess(identity: Identity): Access {
  switch (identity.kind) {
    case 'guest':
      return 'write';
  }
}

