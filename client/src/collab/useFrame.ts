/** The frame of a report, live from its frame room: re-renders on every change, local or remote. */
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { readFrame, type FrameFields } from '../../../common/frame.js';
import type { RoomConnection } from './connectRoom.js';
import { watchFrame } from './frameRoom.js';

/** The frame as the page shows it. */
export interface LiveFrame {
  /** The fields; empty strings and no recipients until the room holds them (see `ready`). */
  fields: FrameFields;
  /**
   * True once the room holds the frame: it synced with the server, or it was loaded from the office's
   * browser copy of a room that had (localCopy.ts). Before that the fields are not shown as editable:
   * typing into a field the server has not filled yet would race the server's value.
   */
  ready: boolean;
}

const EMPTY_FRAME: FrameFields = {
  parentAgency: '',
  agency: '',
  number: '',
  symbol: '',
  place: '',
  date: '',
  docType: '',
  subject: '',
  signAuthority: '',
  signTitle: '',
  signerName: '',
  recipients: [],
};

const NO_ROOM = { subscribe: () => () => {}, status: () => undefined };

/** Follows the frame room `room` (undefined while the page connects). */
export function useFrame(room: RoomConnection | undefined): LiveFrame {
  // One snapshot per change: useSyncExternalStore needs the same object until something changes.
  const cache = useRef<{ room: RoomConnection; fields: FrameFields } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (room === undefined) return () => {};
      return watchFrame(room.doc, () => {
        cache.current = null;
        listener();
      });
    },
    [room],
  );
  const snapshot = useCallback((): FrameFields => {
    if (room === undefined) return EMPTY_FRAME;
    if (cache.current?.room !== room) cache.current = { room, fields: readFrame(room.doc) };
    return cache.current.fields;
  }, [room]);
  const fields = useSyncExternalStore(subscribe, snapshot);

  const saves = room?.saves ?? NO_ROOM;
  const status = useSyncExternalStore(saves.subscribe, saves.status);
  // Latched per room, like a section's editor: a reconnect does not take the fields away.
  const [readyRoom, setReadyRoom] = useState<RoomConnection | undefined>(undefined);
  if (room !== undefined && readyRoom !== room && status?.contentReady === true) setReadyRoom(room);
  const ready = room !== undefined && readyRoom === room;

  return useMemo(() => ({ fields, ready }), [fields, ready]);
}
