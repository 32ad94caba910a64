/**
 * One room of a report, connected: its Yjs document, its y-websocket provider, its awareness (who is
 * there, and their carets) and its save tracker, created together and destroyed together.
 *
 * A room starts read-only and sends document updates only once {@link RoomConnection.setWritable} allows
 * it: the server closes a read-only connection that sends one (4403). A local change made while the room
 * is read-only can only come from the editor itself (its editable flag is off), e.g. a plugin normalising
 * the document; it is kept back, and sent when the room becomes writable — updates build on each other, so
 * what comes later could not be applied without it.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../../common/rooms.js';
import type { Identity } from '../identity.js';
import { trackSaves, type SaveTracker } from './saveTracker.js';

/** A connected room. */
export interface RoomConnection {
  /** The room's name, `<reportId>/frame`, `<reportId>/review` or `<reportId>/section/<sectionId>`. */
  readonly roomName: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly saves: SaveTracker;
  /** Whether local changes are sent to the server. */
  readonly writable: boolean;
  /** Lets local changes through to the server (first those held back), or holds them back. */
  setWritable(writable: boolean): void;
  /** Disconnects and frees the provider, the awareness (and its timer) and the document. */
  destroy(): void;
}

/** The websocket URL rooms are served under, on the page's own origin (`ws://host/collab`). */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${COLLAB_PATH}`;
}

/**
 * Connects to a room, read-only until told otherwise.
 * @param identity Announced in the room's awareness (`user: {name, color}`, the field the caret extension
 *   reads; the server replaces the name with the account's and adds the department). Left out for rooms
 *   where the person is not shown (the review room): nothing is announced there.
 */
export function connectRoom(roomName: string, identity?: Identity): RoomConnection {
  const doc = new Y.Doc();
  // BroadcastChannel off: tabs must sync through the server, so "saved" means the server has it.
  const provider = new WebsocketProvider(collabServerUrl(), roomName, doc, { connect: false, disableBc: true });
  const saves = trackSaves(provider);
  if (identity === undefined) provider.awareness.setLocalState(null);
  else provider.awareness.setLocalStateField('user', { name: identity.name, color: identity.color });

  let writable = false;
  let heldBack = false;
  // The provider sends every local update from its own 'update' handler; put a gate in front of it.
  const send = provider._updateHandler;
  doc.off('update', send);
  const gate = (update: Uint8Array, origin: unknown): void => {
    if (origin === provider) return; // from the server: nothing to send back
    if (writable) send(update, origin);
    else heldBack = true;
  };
  doc.on('update', gate);
  provider.connect();

  let destroyed = false;
  return {
    roomName,
    doc,
    provider,
    saves,
    get writable() {
      return writable;
    },
    setWritable(next) {
      writable = next;
      if (!writable || !heldBack) return;
      heldBack = false;
      // The whole state: the server keeps what it already has and takes what it lacks.
      send(Y.encodeStateAsUpdate(doc), null);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      doc.off('update', gate);
      saves.destroy();
      provider.destroy(); // tells the others we left while the socket is still open
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}
