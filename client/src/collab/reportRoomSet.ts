/**
 * The rooms of one report page — the frame (for presence), the review room (owners, live) and one per
 * section — opened together, watched, and closed together.
 *
 * A room the server closed with 4403 is reported to the page, which finds out which case it is: either
 * the person lost a section while typing (its room holds text the server will never take; the `renew`
 * given with the report replaces it with a fresh connection that loads the section as the server has it),
 * or the report is no longer shared with them at all. A room closed with 4100 (the person's role or
 * department changed; y-websocket reconnects by itself) makes the page learn the new rights; one closed
 * with 4401 (the session ended) shows the login page. A room whose socket fails otherwise is reported too,
 * so the page can check the session: one that expired then shows the login page rather than
 * "reconnecting" forever.
 */
import { CloseCode } from '../../../common/closeCodes.js';
import { formatRoomName, type RoomPart } from '../../../common/rooms.js';
import type { Identity } from '../identity.js';
import { reportUnauthenticated } from '../session/unauthenticated.js';
import { connectRoom, type RoomConnection } from './connectRoom.js';

/** The rooms of one report page, as one snapshot: a new object each time a room is replaced. */
export interface ReportRooms {
  /** `<reportId>/frame`: the page announces its person here; the presence bar reads it. */
  frame: RoomConnection;
  /** `<reportId>/review`: read-only, written by the server. */
  review: RoomConnection;
  /** Each section's room, by section id. */
  sections: ReadonlyMap<string, RoomConnection>;
  /** Every room, for aggregate states. */
  all: readonly RoomConnection[];
}

/** Options of {@link openReportRooms}. */
export interface ReportRoomOptions {
  reportId: string;
  /** Each section's id and room name. */
  sections: ReadonlyArray<{ id: string; room: string }>;
  /** Announced in the frame and section rooms. */
  identity: Identity;
  /** Called with the new snapshot each time a room is replaced. */
  onChange(rooms: ReportRooms): void;
  /**
   * Called when the server closed a room with 4403 (see the module comment); the room stays closed.
   * @param renew Replaces that section's room with a fresh connection (unless it was replaced already);
   *   does nothing for the frame and review rooms.
   */
  onForbidden(part: RoomPart, renew: () => void): void;
  /** Called when the server closed a room because the person's rights changed (4100). */
  onRightsChanged(): void;
  /** Called when a socket fails or is refused otherwise: the page checks the session. */
  onTrouble(): void;
}

/** The open rooms of a report page. */
export interface ReportRoomSet {
  /** The current snapshot. */
  rooms(): ReportRooms;
  /** Closes every room. */
  destroy(): void;
}

interface RoomWatchers {
  /** A 4403 close (final). */
  onForbidden(): void;
  /** A 4100 close (y-websocket reconnects by itself). */
  onRightsChanged(): void;
  /** Any other failure. */
  onTrouble(): void;
}

/** Watches a room for closes and failures; returns the unsubscribe function. */
function watchRoom(room: RoomConnection, watchers: RoomWatchers): () => void {
  const onClose = (event: CloseEvent | null) => {
    if (event?.code === CloseCode.rightsChanged) watchers.onRightsChanged();
  };
  const onClosed = (event: { code: number }) => {
    if (event.code === CloseCode.forbiddenWrite) watchers.onForbidden();
    else if (event.code === CloseCode.sessionEnded) reportUnauthenticated();
    else watchers.onTrouble();
  };
  const onError = () => watchers.onTrouble();
  room.provider.on('connection-close', onClose);
  room.provider.on('closed', onClosed);
  room.provider.on('connection-error', onError);
  return () => {
    room.provider.off('connection-close', onClose);
    room.provider.off('closed', onClosed);
    room.provider.off('connection-error', onError);
  };
}

/** Opens every room of a report. */
export function openReportRooms(options: ReportRoomOptions): ReportRoomSet {
  const { reportId, identity, onTrouble, onRightsChanged } = options;
  let destroyed = false;
  const sections = new Map<string, { room: RoomConnection; unwatch: () => void }>();
  let current: ReportRooms;

  const snapshot = (): ReportRooms => {
    const bySection = new Map([...sections].map(([id, entry]) => [id, entry.room]));
    return { frame, review, sections: bySection, all: [frame, review, ...bySection.values()] };
  };

  /** Replaces a section's room, if `refused` is still the one in use. */
  const renew = (sectionId: string, refused?: RoomConnection) => {
    const entry = sections.get(sectionId);
    if (destroyed || entry === undefined || (refused !== undefined && entry.room !== refused)) return;
    entry.unwatch();
    entry.room.destroy();
    open(sectionId, entry.room.roomName);
    current = snapshot();
    options.onChange(current);
  };

  const watchers = (part: RoomPart, room: RoomConnection): RoomWatchers => ({
    onForbidden: () => {
      const renewThis = () => (part.kind === 'section' ? renew(part.sectionId, room) : undefined);
      // Deferred: the provider emits 'closed' from inside its socket handler.
      queueMicrotask(() => destroyed || options.onForbidden(part, renewThis));
    },
    onRightsChanged: () => queueMicrotask(() => destroyed || onRightsChanged()),
    onTrouble,
  });

  const open = (sectionId: string, roomName: string) => {
    const room = connectRoom(roomName, identity);
    const unwatch = watchRoom(room, watchers({ kind: 'section', sectionId }, room));
    sections.set(sectionId, { room, unwatch });
  };

  const frame = connectRoom(formatRoomName({ reportId, part: { kind: 'frame' } }), identity);
  const review = connectRoom(formatRoomName({ reportId, part: { kind: 'review' } }));
  const shared = [
    watchRoom(frame, watchers({ kind: 'frame' }, frame)),
    watchRoom(review, watchers({ kind: 'review' }, review)),
  ];

  for (const section of options.sections) open(section.id, section.room);
  current = snapshot();

  return {
    rooms: () => current,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const stop of [...shared, ...[...sections.values()].map((entry) => entry.unwatch)]) stop();
      for (const room of current.all) room.destroy();
    },
  };
}
