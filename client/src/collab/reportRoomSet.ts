/**
 * The rooms of one report page — the frame (for presence), the review room (owners, live) and one per
 * section — opened together, watched, and closed together.
 *
 * A section the person may write keeps a browser copy under their account (localCopy.ts): edits typed
 * offline survive a reload, a closed tab and signing in again, and are sent with the room's first sync.
 * A section they may only read keeps none. When the right to write a section comes or goes, the page says
 * so ({@link ReportRooms.setSectionAccess}): a section that becomes writable is reconnected with its copy
 * (and so sends what the copy kept); one that becomes read-only while it holds unsent edits is reconnected
 * without it — the edits stay in the browser, never pushed into the room, and the page shows them aside.
 *
 * A room the server closed with 4403 is reported to the page, which finds out which case it is: either
 * the person lost a section while typing (its room holds text the server will never take; the `renew`
 * given with the report replaces it with a fresh connection, with the person's rights as the server now
 * gives them, that loads the section as the server has it), or the report is no longer shared with them
 * at all. A room closed with 4100 (the person's role or
 * department changed; y-websocket reconnects by itself) makes the page learn the new rights; one closed
 * with 4401 (the session ended) shows the login page. A room whose socket fails otherwise is reported too,
 * so the page can check the session: one that expired then shows the login page rather than
 * "reconnecting" forever.
 */
import type { Access } from '../../../common/access.js';
import { CloseCode } from '../../../common/closeCodes.js';
import { formatRoomName, type RoomPart } from '../../../common/rooms.js';
import type { Identity } from '../identity.js';
import { reportUnauthenticated } from '../session/unauthenticated.js';
import { connectRoom, type RoomConnection } from './connectRoom.js';
import { localCopyName } from './localCopy.js';

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
  /**
   * Follows the person's right to write a section (see the module comment); the page calls it whenever
   * the access it shows changes. May replace the section's room.
   */
  setSectionAccess(sectionId: string, access: Access): void;
}

/** Options of {@link openReportRooms}. */
export interface ReportRoomOptions {
  reportId: string;
  /** Each section's id and room name. */
  sections: ReadonlyArray<{ id: string; room: string }>;
  /** Announced in the frame and section rooms. */
  identity: Identity;
  /** The account signed in: the browser copies of the sections it writes are its own. */
  accountId: string;
  /** Whether the person may write a section, as the page knows when the rooms open. */
  accessOf(sectionId: string): Access;
  /** Called with the new snapshot each time a room is replaced. */
  onChange(rooms: ReportRooms): void;
  /**
   * Called when the server closed a room with 4403 (see the module comment); the room stays closed.
   * @param renew Replaces that section's room with a fresh connection (unless it was replaced already),
   *   for the access given — the page fetches the rights anew — or, when left out, the access it had;
   *   does nothing for the frame and review rooms.
   */
  onForbidden(part: RoomPart, renew: (access?: Access) => void): void;
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

interface SectionEntry {
  room: RoomConnection;
  unwatch(): void;
  /** The access the room was opened for, or last told of. */
  access: Access;
  /** True when the room replaced one the server refused (4403) while it was opened for writing. */
  afterRefusal: boolean;
}

/** Opens every room of a report. */
export function openReportRooms(options: ReportRoomOptions): ReportRoomSet {
  const { reportId, identity, accountId, onTrouble, onRightsChanged } = options;
  let destroyed = false;
  const sections = new Map<string, SectionEntry>();
  let current: ReportRooms;

  const snapshot = (): ReportRooms => {
    const bySection = new Map([...sections].map(([id, entry]) => [id, entry.room]));
    return { frame, review, sections: bySection, all: [frame, review, ...bySection.values()], setSectionAccess };
  };

  /** Replaces a section's room with one opened for `access`, if `replaced` (when given) is still in use. */
  const reopen = (sectionId: string, access: Access, replaced?: RoomConnection, afterRefusal = false) => {
    const entry = sections.get(sectionId);
    if (destroyed || entry === undefined || (replaced !== undefined && entry.room !== replaced)) return;
    entry.unwatch();
    entry.room.destroy();
    open(sectionId, entry.room.roomName, access, afterRefusal);
    current = snapshot();
    options.onChange(current);
  };

  function setSectionAccess(sectionId: string, access: Access): void {
    const entry = sections.get(sectionId);
    if (destroyed || entry === undefined || entry.access === access) return;
    entry.access = access;
    entry.afterRefusal = false;
    const kept = entry.room.localCopy !== null;
    // Writable from now on: keep a copy, and send what an earlier visit kept in it.
    if (access === 'write' && !kept) reopen(sectionId, access);
    // Read-only with unsent edits: the server would refuse them; set them aside (they stay in the copy).
    else if (access === 'read' && kept && entry.room.saves.status().unsent > 0) reopen(sectionId, access);
  }

  const watchers = (part: RoomPart, room: RoomConnection): RoomWatchers => ({
    onForbidden: () => {
      const renewThis = (access?: Access) => {
        if (part.kind !== 'section') return;
        const entry = sections.get(part.sectionId);
        if (entry === undefined) return;
        const wanted = access ?? entry.access;
        // Refused twice in a row while the page still thinks it may write: trust the server, read only.
        const next = entry.room === room && entry.afterRefusal && wanted === 'write' ? 'read' : wanted;
        reopen(part.sectionId, next, room, next === 'write');
      };
      // Deferred: the provider emits 'closed' from inside its socket handler.
      queueMicrotask(() => destroyed || options.onForbidden(part, renewThis));
    },
    onRightsChanged: () => queueMicrotask(() => destroyed || onRightsChanged()),
    onTrouble,
  });

  const open = (sectionId: string, roomName: string, access: Access, afterRefusal = false) => {
    const localCopy = access === 'write' ? localCopyName(accountId, roomName) : undefined;
    const room = connectRoom(roomName, { identity, localCopy });
    const unwatch = watchRoom(room, watchers({ kind: 'section', sectionId }, room));
    sections.set(sectionId, { room, unwatch, access, afterRefusal });
  };

  const frame = connectRoom(formatRoomName({ reportId, part: { kind: 'frame' } }), { identity });
  const review = connectRoom(formatRoomName({ reportId, part: { kind: 'review' } }));
  const shared = [
    watchRoom(frame, watchers({ kind: 'frame' }, frame)),
    watchRoom(review, watchers({ kind: 'review' }, review)),
  ];

  for (const section of options.sections) open(section.id, section.room, options.accessOf(section.id));
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
