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
  /** Local edits the server has not yet confirmed holding. */
  unsaved: boolean;
}

/** The page's state, with what the label needs to tell a first connection from a reconnection. */
export interface OverallStatus {
  state: SaveState;
  /** True while no room has ever synced: the label says "connecting" rather than "reconnecting". */
  firstConnection: boolean;
}

/**
 * Folds the rooms' states into one, worst first: offline (the browser says so, or a room was refused and
 * can no longer save), then reconnecting, then saving, then saved.
 * @param rooms The state of every room of the page.
 * @param online `navigator.onLine`, kept current by the window's online/offline events.
 */
export function overallStatus(rooms: readonly RoomStatus[], online: boolean): OverallStatus {
  const firstConnection = rooms.length > 0 && rooms.every((room) => room.link === 'connecting');
  if (!online || rooms.some((room) => room.link === 'closed')) return { state: 'offline', firstConnection: false };
  if (rooms.length === 0 || rooms.some((room) => room.link !== 'synced')) {
    return { state: 'reconnecting', firstConnection: rooms.length === 0 || firstConnection };
  }
  if (rooms.some((room) => room.unsaved)) return { state: 'saving', firstConnection: false };
  return { state: 'saved', firstConnection: false };
}
