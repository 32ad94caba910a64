/**
 * Makes a change of section ownership take effect for everyone connected: the review room shows the new
 * owners, and every live connection to the report gets the access the new owners give it — in each room's
 * order, so an edit sent after the change by someone who lost the section is refused (4403).
 */
import { parseRoomName, formatRoomName } from '../../common/rooms.js';
import type { Report } from '../../common/report.js';
import { roomAccess } from './authorise.js';
import type { RoomRegistry } from './roomRegistry.js';
import { writeReviewState } from './reviewRoom.js';

export async function publishOwnership(registry: RoomRegistry, report: Report): Promise<void> {
  const reviewRoom = formatRoomName({ reportId: report.id, part: { kind: 'review' } });
  await registry.withRoom(reviewRoom, (room) => room.applyServerChange((doc) => writeReviewState(doc, report)));
  await Promise.all(
    registry.liveRooms(`${report.id}/`).map((room) => {
      const name = parseRoomName(room.name);
      if (!name) return Promise.resolve();
      return room.reauthorise((connection) => {
        const verdict = roomAccess(connection.identity, report, name.part);
        return verdict === 'write' || verdict === 'read' ? verdict : null;
      });
    }),
  );
}
