/**
 * The one state the status bar shows for a whole report page, folded from the state of each room the page
 * is connected to.
 */

/** The page's overall state, also the `data-state` of the `save-state` element. */
export type SaveState = 'saved' | 'saving' | 'reconnecting' | 'offline';

/** One room's link to the server. */
export type RoomLink =
  /** Never synced with the server since the page opened. */
  | 'connecting'
  /** Connected, and the server's state has been received on this connection. */
  | 'synced'
  /** Was synced; the socket dropped or has not synced again yet. */
  | 'reconnecting'
  /** The server refused the room for good (a 44xx close code): y-websocket stops retrying. */
  | 'closed';

/** What the save tracker knows about one room. */
export interface RoomStatus {
  link: RoomLink;
  /** Local changes (transactions) the server has not yet confirmed holding, those of earlier visits included. */
  unsent: number;
  /** Whether the browser copy of the room holds every unsent change (true when there are none). */
  keptLocally: boolean;
  /**
   * Whether the document holds the room's content: it synced with the server, or it was loaded from a
   * browser copy of a room that had. An editor shown before that would start from an empty document.
   */
  contentReady: boolean;
}

/** The page's state, with what the label needs to tell a first connection from a reconnection. */
export interface OverallStatus {
  state: SaveState;
  /** True while no room has ever synced: the label says "connecting" rather than "reconnecting". */
  firstConnection: boolean;
  /** Local changes of every room the server has not confirmed ("3 thay đổi chưa gửi"). */
  unsent: number;
  /** Whether the browser keeps every one of them (closing the tab loses nothing). */
  keptLocally: boolean;
}

/**
 * Folds the rooms' states into one, worst first: offline (the browser says so, or a room was refused and
 * can no longer save), then reconnecting, then saving, then saved.
 * @param rooms The state of every room of the page.
 * @param online `navigator.onLine`, kept current by the window's online/offline events.
 */
export function overallStatus(rooms: readonly RoomStatus[], online: boolean): OverallStatus {
  const unsent = rooms.reduce((sum, room) => sum + room.unsent, 0);
  const pending = { unsent, keptLocally: rooms.every((room) => room.keptLocally) };
  const firstConnection = rooms.length > 0 && rooms.every((room) => room.link === 'connecting');
  if (!online || rooms.some((room) => room.link === 'closed')) return { state: 'offline', firstConnection: false, ...pending };
  if (rooms.length === 0 || rooms.some((room) => room.link !== 'synced')) {
    return { state: 'reconnecting', firstConnection: rooms.length === 0 || firstConnection, ...pending };
  }
  if (unsent > 0) return { state: 'saving', firstConnection: false, ...pending };
  return { state: 'saved', firstConnection: false, ...pending };
}

/** True when two overall states would show the same. */
export function sameStatus(a: OverallStatus, b: OverallStatus): boolean {
  return a.state === b.state && a.firstConnection === b.firstConnection && a.unsent === b.unsent && a.keptLocally === b.keptLocally;
}
