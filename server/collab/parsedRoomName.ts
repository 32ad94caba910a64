/**
 * {@link parseRoomName}, remembered per name, for the hooks every stored edit runs (the review's, the
 * title's): they ask it of the same few names thousands of times a minute, and a name's parse never changes.
 * The results are frozen (shared by every caller). The memory is cleared past {@link REMEMBERED} names.
 */
import { parseRoomName, type RoomName } from '../../common/rooms.js';

const REMEMBERED = 10_000;
const parsed = new Map<string, RoomName | null>();

export function parsedRoomName(name: string): RoomName | null {
  let result = parsed.get(name);
  if (result === undefined) {
    result = parseRoomName(name);
    if (result !== null) {
      Object.freeze(result.part);
      Object.freeze(result);
    }
    if (parsed.size >= REMEMBERED) parsed.clear();
    parsed.set(name, result);
  }
  return result;
}
