/**
 * One room of a report, connected: its Yjs document, its y-websocket provider, its awareness (who is
 * there, and their carets) and its save tracker, created together and destroyed together.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../../common/rooms.js';
import type { Identity } from '../identity.js';
import { trackSaves, type SaveTracker } from './saveTracker.js';

/** A connected room. */
export interface RoomConnection {
  /** The room's name, `<reportId>/frame` or `<reportId>/section/<sectionId>`. */
  readonly roomName: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly saves: SaveTracker;
  /** Disconnects and frees the provider, the awareness (and its timer) and the document. */
  destroy(): void;
}

/** The websocket URL rooms are served under, on the page's own origin (`ws://host/collab`). */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${COLLAB_PATH}`;
}

/**
 * Connects to a room and announces `identity` in its awareness (`user: {name, color}`, the field the
 * caret extension reads).
 */
export function connectRoom(roomName: string, identity: Identity): RoomConnection {
  const doc = new Y.Doc();
  // BroadcastChannel off: tabs must sync through the server, so "saved" means the server has it.
  const provider = new WebsocketProvider(collabServerUrl(), roomName, doc, { connect: false, disableBc: true });
  const saves = trackSaves(provider);
  provider.awareness.setLocalStateField('user', { name: identity.name, color: identity.color });
  provider.connect();
  let destroyed = false;
  return {
    roomName,
    doc,
    provider,
    saves,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      saves.destroy();
      provider.destroy(); // tells the others we left while the socket is still open
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}
