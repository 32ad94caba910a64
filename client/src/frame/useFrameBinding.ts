/**
 * The frame of the report page, bound to its room with the person's rights: only the office (and the
 * admin) may write it (common/access.ts `frameAccess`), and nobody once the report is issued (issue 10).
 * The room's write gate follows the same rule — the server closes a reader's write with 4403 — so nothing a
 * reader's page does can reach the server. Ctrl+Z in the frame's fields undoes this person's own changes
 * (frameHistory.ts).
 */
import { useEffect, useMemo } from 'react';
import { frameAccess, type Actor } from '../../../common/access.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { useFrame } from '../collab/useFrame.js';
import type { FrameBinding } from './frameBinding.js';
import { useFrameHistory, useFrameUndoKeys } from './frameHistory.js';

/** The frame binding for `me` on the frame room `room` (undefined while the page connects); `issued`: the report is. */
export function useFrameBinding(room: RoomConnection | undefined, me: Actor, issued = false): FrameBinding {
  const { fields, ready } = useFrame(room);
  const mayWrite = !issued && frameAccess(me) === 'write';
  const history = useFrameHistory(room?.doc, mayWrite);
  useFrameUndoKeys(history);

  useEffect(() => {
    room?.setWritable(mayWrite);
  }, [room, mayWrite]);

  return useMemo(
    () => ({ fields, writable: mayWrite && ready, readOnlyForPerson: !mayWrite, issued, doc: room?.doc, history }),
    [fields, mayWrite, ready, room, issued, history],
  );
}
