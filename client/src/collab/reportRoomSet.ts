/**
 * The rooms of one report page — the frame (header, footer and opening paragraphs; the page's presence),
 * the review room (owners, live) and one per section — opened together, watched, and closed together.
 *
 * A room the person may write — the frame for the office and the admin, a section for its department and
 * the office — keeps a browser copy under their account (localCopy.ts): edits typed offline survive a
 * reload, a closed tab and signing in again, and are sent with the room's first sync. A room they may
 * only read keeps none. When the right to write a room comes or goes, the page says so
 * ({@link ReportRooms.setSectionAccess}, {@link ReportRooms.setFrameAccess}): a room that becomes writable
 * is reconnected with its copy (and so sends what the copy kept); one that becomes read-only while it
 * holds unsent edits is reconnected without it — the edits stay in the browser, never pushed into the
 * room, and the page shows them aside. The frame, which only a change of role takes away, is reconnected
 * without its copy whenever it becomes read-only: a reader keeps nothing of the room. (A section keeps its
 * room when nothing is unsent, so that a live reassignment does not reload the editor.)
 *
 * A room the server closed with 4403 is reported to the page, which finds out which case it is: either
 * the person lost the room while typing (it holds text the server will never take; the `renew` given with
 * the report replaces it with a fresh connection, with the person's rights as the server now gives them,
 * that loads the room as the server has it), or the report is no longer shared with them at all. A room
 * closed with 4100 (the person's role or department changed; y-websocket reconnects by itself) makes the
 * page learn the new rights; one closed with 4401 (the session ended) shows the login page; one closed with
 * 4404 (issue 10: the report was deleted) tells the page, which says so. A room whose
 * socket fails otherwise is reported too, so the page can check the session: one that expired then shows
 * the login page rather than "reconnecting" forever.
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
  /** `<reportId>/frame`: the header and footer fields and the opening paragraphs; the presence bar reads it. */
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
  /** The same for the frame room. May replace it. */
  setFrameAccess(access: Access): void;
}

/** Options of {@link openReportRooms}. */
export interface ReportRoomOptions {
  reportId: string;
  /** Each section's id and room name. */
  sections: ReadonlyArray<{ id: string; room: string }>;
  /** Announced in the frame and section rooms. */
  identity: Identity;
  /** The account signed in: the browser copies of the rooms it writes are its own. */
  accountId: string;
  /** Whether the person may write a section, as the page knows when the rooms open. */
  accessOf(sectionId: string): Access;
  /** Whether the person may write the frame, as the page knows when the rooms open. */
  frameAccess(): Access;
  /** Called with the new snapshot each time a room is replaced. */
  onChange(rooms: ReportRooms): void;
  /**
   * Called when the server closed a room with 4403 (see the module comment); the room stays closed.
   * @param renew Replaces that section's or the frame's room with a fresh connection (unless it was
   *   replaced already), for the access given — the page fetches the rights anew — or, when left out, the
   *   access it had; does nothing for the review room.
   */
  onForbidden(part: RoomPart, renew: (access?: Access) => void): void;
  /** Called when the server closed a room because the person's rights changed (4100). */
  onRightsChanged(): void;
  /** Called when the server closed a room because the report was deleted (4404, final). */
  onDeleted?(): void;
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
  /** A 4404 close: the report was deleted (final). */
  onDeleted(): void;
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
    else if (event.code === CloseCode.reportDeleted) watchers.onDeleted();
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

/** A part of the report the person may be given the right to write. */
type WritablePart = Extract<RoomPart, { kind: 'frame' } | { kind: 'section' }>;

/** A room that may keep a browser copy: the frame, or a section. Replaced in place when reopened. */
interface WritableEntry {
  readonly part: WritablePart;
  readonly roomName: string;
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
  const sections = new Map<string, WritableEntry>();
  let current: ReportRooms;

  const snapshot = (): ReportRooms => {
    const bySection = new Map([...sections].map(([id, entry]) => [id, entry.room]));
    const all = [frame.room, review, ...bySection.values()];
    return { frame: frame.room, review, sections: bySection, all, setSectionAccess, setFrameAccess };
  };

  /** Connects `entry`'s room for `access`: with the person's browser copy where they write, without elsewhere. */
  const connect = (entry: Pick<WritableEntry, 'part' | 'roomName'>, access: Access): Pick<WritableEntry, 'room' | 'unwatch'> => {
    const localCopy = access === 'write' ? localCopyName(accountId, entry.roomName) : undefined;
    const room = connectRoom(entry.roomName, { identity, localCopy });
    return { room, unwatch: watchRoom(room, watchers(entry.part, room)) };
  };

  /** Replaces `entry`'s room with one opened for `access`, if `replaced` (when given) is still in use. */
  const reopen = (entry: WritableEntry, access: Access, replaced?: RoomConnection, afterRefusal = false) => {
    if (destroyed || (replaced !== undefined && entry.room !== replaced)) return;
    entry.unwatch();
    entry.room.destroy();
    Object.assign(entry, connect(entry, access), { access, afterRefusal });
    current = snapshot();
    options.onChange(current);
  };

  /** Follows a change of the person's right to write `entry`'s room (see the module comment). */
  const follow = (entry: WritableEntry | undefined, access: Access) => {
    if (destroyed || entry === undefined || entry.access === access) return;
    entry.access = access;
    entry.afterRefusal = false;
    const kept = entry.room.localCopy !== null;
    // Writable from now on: keep a copy, and send what an earlier visit kept in it.
    if (access === 'write' && !kept) reopen(entry, access);
    // Read-only: the server would refuse what is unsent; set it aside (it stays in the copy).
    else if (access === 'read' && kept && (entry.part.kind === 'frame' || entry.room.saves.status().unsent > 0)) reopen(entry, access);
  };

  function setSectionAccess(sectionId: string, access: Access): void {
    follow(sections.get(sectionId), access);
  }

  function setFrameAccess(access: Access): void {
    follow(frame, access);
  }

  const entryOf = (part: RoomPart): WritableEntry | undefined => {
    if (part.kind === 'frame') return frame;
    return part.kind === 'section' ? sections.get(part.sectionId) : undefined;
  };

  function watchers(part: RoomPart, room: RoomConnection): RoomWatchers {
    return {
      onForbidden: () => {
        const renewThis = (access?: Access) => {
          const entry = entryOf(part);
          if (entry === undefined) return;
          const wanted = access ?? entry.access;
          // Refused twice in a row while the page still thinks it may write: trust the server, read only.
          const next = entry.room === room && entry.afterRefusal && wanted === 'write' ? 'read' : wanted;
          reopen(entry, next, room, next === 'write');
        };
        // Deferred: the provider emits 'closed' from inside its socket handler.
        queueMicrotask(() => destroyed || options.onForbidden(part, renewThis));
      },
      onRightsChanged: () => queueMicrotask(() => destroyed || onRightsChanged()),
      onDeleted: () => queueMicrotask(() => destroyed || options.onDeleted?.()),
      onTrouble,
    };
  }

  const writable = (part: WritablePart, roomName: string, access: Access): WritableEntry => {
    const entry = { part, roomName, access, afterRefusal: false };
    return { ...entry, ...connect(entry, access) };
  };

  const frame = writable({ kind: 'frame' }, formatRoomName({ reportId, part: { kind: 'frame' } }), options.frameAccess());
  const review = connectRoom(formatRoomName({ reportId, part: { kind: 'review' } }));
  const unwatchReview = watchRoom(review, watchers({ kind: 'review' }, review));
  for (const section of options.sections) {
    sections.set(section.id, writable({ kind: 'section', sectionId: section.id }, section.room, options.accessOf(section.id)));
  }
  current = snapshot();

  return {
    rooms: () => current,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const stop of [unwatchReview, frame.unwatch, ...[...sections.values()].map((entry) => entry.unwatch)]) stop();
      for (const room of current.all) room.destroy();
    },
  };
}
