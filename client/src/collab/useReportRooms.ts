/** Keeps a report page connected to its rooms while it is shown (see reportRoomSet.ts). */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Access } from '../../../common/access.js';
import type { Report } from '../../../common/report.js';
import type { RoomPart } from '../../../common/rooms.js';
import { getMe } from '../api/session.js';
import type { Identity } from '../identity.js';
import { openReportRooms, type ReportRooms } from './reportRoomSet.js';

export type { ReportRooms } from './reportRoomSet.js';

/** What the page does when the server refuses or resets its rooms (see reportRoomSet.ts). */
export interface RoomHandlers {
  onForbidden(part: RoomPart, renew: (access?: Access) => void): void;
  onRightsChanged(): void;
  /** The report was deleted (issue 10): its rooms are closed for good. */
  onDeleted?(): void;
  /** Whether the person may write a section, as the page knows now (read when the rooms open). */
  accessOf(sectionId: string): Access;
  /** Whether the person may write the frame, as the page knows now (read when the rooms open). */
  frameAccess(): Access;
}

/** How often, at most, failing sockets make the page ask the server whether the session still holds. */
const SESSION_CHECK_INTERVAL_MS = 5_000;

/**
 * The rooms of `report`, connected as `identity` of the account `accountId`, or null until they are created
 * (right after the first render).
 * @param handlers.onForbidden Called when the server closed a room with 4403, with the room's part and a
 *   function that replaces that section's (or the frame's) room with a fresh connection for the access given.
 * @param handlers.onRightsChanged Called when the server closed a room because the person's rights changed.
 */
export function useReportRooms(report: Report, identity: Identity, accountId: string, handlers: RoomHandlers): ReportRooms | null {
  const [rooms, setRooms] = useState<ReportRooms | null>(null);
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  // A key that changes only when the set of rooms or the person changes, not on every new report object.
  const sectionRooms = report.sections.map((section) => `${section.id}\u0000${section.room}`).join('\u0001');
  const { name, color } = identity;

  useEffect(() => {
    let lastCheck = 0;
    const sections = (sectionRooms === '' ? [] : sectionRooms.split('\u0001')).map((entry) => {
      const [id = '', room = ''] = entry.split('\u0000');
      return { id, room };
    });
    const opened = openReportRooms({
      reportId: report.id,
      sections,
      identity: { name, color },
      accountId,
      accessOf: (sectionId) => latest.current.accessOf(sectionId),
      frameAccess: () => latest.current.frameAccess(),
      onChange: setRooms,
      onForbidden: (part, renew) => latest.current.onForbidden(part, renew),
      onRightsChanged: () => latest.current.onRightsChanged(),
      onDeleted: () => latest.current.onDeleted?.(),
      onTrouble: () => {
        if (Date.now() - lastCheck < SESSION_CHECK_INTERVAL_MS) return;
        lastCheck = Date.now();
        // A 401 is reported by the API layer and shows the login page; anything else: keep reconnecting.
        getMe().catch(() => undefined);
      },
    });
    setRooms(opened.rooms());
    return () => {
      setRooms(null);
      opened.destroy();
    };
  }, [report.id, sectionRooms, name, color, accountId]);

  return rooms;
}
