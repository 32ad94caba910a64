/**
 * Changes of rights take effect for everyone connected, in each room's order (an edit sent after the
 * change is judged by the new rights):
 * - a section changes owner: the review room shows it, and each connection to the report gets the access
 *   the new owners give it (closed with 4403 if the report is no longer shared with that person);
 * - a session ends (sign-out, account disabled, password reset): its connections close with 4401;
 * - an account's role or department changes: its connections close with 4100 and reconnect under the new
 *   rights.
 */
import { CloseCode } from '../../common/closeCodes.js';
import { formatRoomName, parseRoomName } from '../../common/rooms.js';
import type { Report } from '../../common/report.js';
import type { Identity } from '../auth/identity.js';
import { isIssued, roomAccess } from './authorise.js';
import type { Verdict } from './room.js';
import type { RoomRegistry } from './roomRegistry.js';
import { writeReviewState } from './reviewRoom.js';

/** `frozen`: the report is issued or being issued (issue 10), so every room stays read-only. */
export async function publishOwnership(registry: RoomRegistry, report: Report, frozen = isIssued(report)): Promise<void> {
  const reviewRoom = formatRoomName({ reportId: report.id, part: { kind: 'review' } });
  await registry.withRoom(reviewRoom, (room) => room.applyServerChange((doc) => writeReviewState(doc, report)));
  await reauthoriseReport(registry, report, frozen);
}

/**
 * Gives every live connection to the report's rooms the access it has now, in each room's order: an edit
 * received before this is judged by the old rights, one after by the new. Resolves when every room has
 * handled what it received before (issue 10: issuing freezes the rooms so, then builds the file).
 */
export async function reauthoriseReport(registry: RoomRegistry, report: Report, frozen: boolean): Promise<void> {
  await Promise.all(
    registry.liveRooms(`${report.id}/`).map((room) => {
      const name = parseRoomName(room.name);
      if (!name) return Promise.resolve();
      return room.reauthorise((connection): Verdict => {
        const verdict = roomAccess(connection.identity, report, name.part, frozen);
        if (verdict === 'write' || verdict === 'read') return verdict;
        return { close: CloseCode.forbiddenWrite, reason: 'this report is no longer shared with you' };
      });
    }),
  );
}

/** How an account changed, for its live connections. */
export type AccountChange = 'ended' | 'rights';

/** Closes the live connections of `who` (a user, or one session): 4401 when ended, 4100 when rights changed. */
export async function closeConnectionsOf(
  registry: RoomRegistry,
  who: (identity: Identity) => boolean,
  change: AccountChange,
): Promise<void> {
  const close =
    change === 'ended'
      ? { close: CloseCode.sessionEnded, reason: 'the session has ended' }
      : { close: CloseCode.rightsChanged, reason: 'your rights changed; reconnect' };
  await Promise.all(
    registry.liveRooms('').map((room) =>
      room.reauthorise((connection): Verdict => (who(connection.identity) ? close : connection.access)),
    ),
  );
}
