import { describe, expect, it } from 'vitest';
import { parseRoomName } from '../../../../common/rooms.js';
import { parsedRoomName } from '../../../../server/collab/parsedRoomName.js';

describe('parsedRoomName', () => {
  it('reads a name as parseRoomName does, once: later calls get the same frozen result', () => {
    for (const name of ['r1/section/tham-muu', 'r1/frame', 'r1/review', 'r1/section/../x', 'r1/other', '']) {
      const first = parsedRoomName(name);
      expect(first).toEqual(parseRoomName(name));
      expect(parsedRoomName(name)).toBe(first);
      if (first !== null) {
        expect(Object.isFrozen(first)).toBe(true);
        expect(Object.isFrozen(first.part)).toBe(true);
      }
    }
  });
});
