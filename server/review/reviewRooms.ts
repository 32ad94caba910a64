/**
 * The rooms the review reads and writes, through the room registry so that it works on the live document
 * in order with everyone's edits: a section's text (to check and follow anchors, and to apply an accepted
 * suggestion as one edit) and the review room (to mirror the review's state).
 */
import type * as Y from 'yjs';
import { formatRoomName, sectionRoom } from '../../common/rooms.js';
import { RoomClosedError } from '../collab/room.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';
import { reportIssued } from '../workflow/workflowErrors.js';

export interface ReviewRooms {
  /** Runs `read` on a section's live document, after every edit the room has received so far. */
  readSection<T>(reportId: string, sectionId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Changes a section's document as the server: stored as one update, then sent to every client. What
   * `change` throws before changing anything is thrown here, and nothing is written. Refused (409
   * `report_issued`) once the report is being issued, decided in the room's order.
   */
  writeSection(reportId: string, sectionId: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Changes the review room's document as the server (the only writer of that room). */
  writeReview(reportId: string, change: (doc: Y.Doc) => void): Promise<void>;
}

/**
 * @param isHeld whether this process is issuing (or has issued) the report (server/workflow/freezes.ts):
 *   checked in the room's queue, so a write queued behind the freeze is refused.
 */
export function liveReviewRooms(registry: RoomRegistry, isHeld: (reportId: string) => boolean = () => false): ReviewRooms {
  return {
    readSection(reportId, sectionId, read) {
      return registry.withRoom(sectionRoom(reportId, sectionId), (room) =>
        room.schedule(() => {
          if (room.state !== 'ready') throw new RoomClosedError(room.name, room.state);
          return read(room.doc);
        }),
      );
    },
    writeSection(reportId, sectionId, change) {
      return registry.withRoom(sectionRoom(reportId, sectionId), (room) =>
        room.applyServerChange((doc) => {
          if (isHeld(reportId)) throw reportIssued();
          change(doc);
        }),
      );
    },
    writeReview(reportId, change) {
      const name = formatRoomName({ reportId, part: { kind: 'review' } });
      return registry.withRoom(name, (room) => room.applyServerChange(change));
    },
  };
}
