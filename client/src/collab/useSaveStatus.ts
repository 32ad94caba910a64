/** The page's overall save state, from every room's tracker and the browser's online state. */
import { useEffect, useState } from 'react';
import type { RoomConnection } from './connectRoom.js';
import { overallStatus, sameStatus, type OverallStatus } from './saveState.js';
import { useOnline } from './useOnline.js';

const CONNECTING: OverallStatus = { state: 'reconnecting', firstConnection: true, unsent: 0, keptLocally: true };

/**
 * The state the status bar shows, re-rendering when it changes. While some unsent edit is not yet kept in
 * the browser, leaving the page asks for confirmation (the browser's own dialog); edits the browser keeps
 * are sent when the person comes back, so leaving loses nothing.
 */
export function useSaveStatus(rooms: readonly RoomConnection[] | undefined): OverallStatus {
  const online = useOnline();
  const [status, setStatus] = useState<OverallStatus>(CONNECTING);

  useEffect(() => {
    if (rooms === undefined) {
      setStatus(online ? CONNECTING : { ...CONNECTING, state: 'offline', firstConnection: false });
      return;
    }
    const update = () => {
      const next = overallStatus(rooms.map((room) => room.saves.status()), online);
      setStatus((previous) => (sameStatus(previous, next) ? previous : next));
    };
    update();
    const unsubscribes = rooms.map((room) => room.saves.subscribe(update));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [rooms, online]);

  useEffect(() => {
    if (rooms === undefined) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (rooms.some((room) => !room.saves.status().keptLocally)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [rooms]);

  return status;
}
