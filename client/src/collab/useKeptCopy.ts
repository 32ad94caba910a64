/**
 * Unsent edits of a section the person may no longer write. They stay in the browser copy of the room
 * (localCopy.ts) — never pushed into the room, where the server would refuse them — and the page shows
 * them beside the section as the server has it, so the person can copy them (issue 8, item 7).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RoomConnection } from './connectRoom.js';
import { discardLocalCopy, holdsUnsentChanges, readLocalCopy } from './localCopy.js';

/** A local version of a section that holds changes the server lacks. */
export interface KeptCopy {
  /** The section as the browser kept it (read-only: not connected, not stored back). */
  doc: Y.Doc;
  /** Deletes the copy from the browser; the person chose to let the changes go. */
  discard(): void;
}

const NO_ROOM = { subscribe: () => () => {}, status: () => undefined };

/**
 * The kept copy `copyName` of the section behind `room`, once the room has synced with the server, when
 * it holds changes the server lacks; null otherwise, and whenever `active` is false (the person may write:
 * the room itself then carries the copy's changes to the server).
 */
export function useKeptCopy(copyName: string, room: RoomConnection | undefined, active: boolean): KeptCopy | null {
  const saves = room?.saves ?? NO_ROOM;
  const status = useSyncExternalStore(saves.subscribe, saves.status);
  // Latched per room: the comparison needs the server's state, and stays true across reconnections.
  const [syncedRoom, setSyncedRoom] = useState<RoomConnection | undefined>(undefined);
  if (room !== undefined && syncedRoom !== room && status?.link === 'synced') setSyncedRoom(room);
  const synced = room !== undefined && syncedRoom === room;
  const [found, setFound] = useState<Y.Doc | null>(null);

  useEffect(() => {
    if (!active || room === undefined || !synced) return;
    let cancelled = false;
    let shown: Y.Doc | null = null;
    readLocalCopy(copyName).then(
      (local) => {
        if (local === null) return;
        if (cancelled || !holdsUnsentChanges(local, room.doc)) {
          local.destroy();
          return;
        }
        shown = local;
        setFound(local);
      },
      (error: unknown) => console.warn(`Đồng Soạn: could not read the browser copy ${copyName}`, error),
    );
    return () => {
      cancelled = true;
      shown?.destroy();
      setFound(null);
    };
  }, [copyName, room, active, synced]);

  const discard = useCallback(() => {
    setFound(null);
    discardLocalCopy(copyName).catch((error: unknown) => console.warn(`Đồng Soạn: could not delete ${copyName}`, error));
  }, [copyName]);

  return active && found !== null ? { doc: found, discard } : null;
}
