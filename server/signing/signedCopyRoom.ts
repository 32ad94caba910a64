/**
 * Mirrors the current signed copy into the report's review room (issue 10, item 4): the `review` map's
 * `signedSha256` (common/signedCopy.ts), written by the server, so every page open on the report learns
 * at once that there is a new copy, and asks for its description.
 */
import { formatRoomName, REVIEW_STATE_MAP } from '../../common/rooms.js';
import { SIGNED_SHA256_KEY } from '../../common/signedCopy.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';

export function signedCopyPublisher(registry: RoomRegistry): (reportId: string, sha256: string) => Promise<void> {
  return async (reportId, sha256) => {
    const name = formatRoomName({ reportId, part: { kind: 'review' } });
    await registry.withRoom(name, (room) =>
      room.applyServerChange((doc) => {
        const review = doc.getMap(REVIEW_STATE_MAP);
        if (review.get(SIGNED_SHA256_KEY) !== sha256) review.set(SIGNED_SHA256_KEY, sha256);
      }),
    );
  };
}
