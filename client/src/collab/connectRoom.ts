/**
 * One room of a report, connected: its Yjs document, its y-websocket provider, its awareness (who is
 * there, and their carets), its write gate and its save tracker, created together and destroyed together;
 * and, where the person writes, the browser's copy of the room (localCopy.ts), loaded before the socket
 * connects so that edits kept from an earlier visit go to the server with the first sync.
 *
 * A room starts read-only and sends the person's changes only once {@link RoomConnection.setWritable}
 * allows it (writeGate.ts): the server closes a read-only connection that sends one (4403).
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../../common/rooms.js';
import type { Identity } from '../identity.js';
import { openLocalCopy } from './localCopy.js';
import { trackSaves, type SaveTracker } from './saveTracker.js';
import { gateWrites } from './writeGate.js';

/** A connected room. */
export interface RoomConnection {
  /** The room's name, `<reportId>/frame`, `<reportId>/review` or `<reportId>/section/<sectionId>`. */
  readonly roomName: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly saves: SaveTracker;
  /** The name of the browser copy kept of the room, or null when it keeps none. */
  readonly localCopy: string | null;
  /** Whether local changes are sent to the server. */
  readonly writable: boolean;
  /** Lets local changes through to the server (first those held back), or holds them back. */
  setWritable(writable: boolean): void;
  /** Disconnects and frees the provider, the awareness (and its timer), the copy and the document. */
  destroy(): void;
}

/** Options of {@link connectRoom}. */
export interface RoomOptions {
  /**
   * Announced in the room's awareness (`user: {name, color}`, the field the caret extension reads; the
   * server replaces the name with the account's and adds the department). Left out for rooms where the
   * person is not shown (the review room): nothing is announced there.
   */
  identity?: Identity;
  /**
   * The name of the browser copy to keep of the room (see `localCopyName`), for rooms the person writes;
   * left out elsewhere (they have nothing of their own to keep).
   */
  localCopy?: string;
}

/** The websocket URL rooms are served under, on the page's own origin (`ws://host/collab`). */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${COLLAB_PATH}`;
}

/** Connects to a room, read-only until told otherwise. */
export function connectRoom(roomName: string, options: RoomOptions = {}): RoomConnection {
  const { identity } = options;
  const doc = new Y.Doc();
  // Before anything else listens to the document: the copy stores each change ahead of the tracker's note
  // of it (see saveTracker.ts, `keep`).
  const copy = options.localCopy === undefined ? null : openLocalCopy(options.localCopy, doc);
  // BroadcastChannel off: tabs must sync through the server, so "saved" means the server has it.
  const provider = new WebsocketProvider(collabServerUrl(), roomName, doc, { connect: false, disableBc: true });
  const isLocalChange = (origin: unknown) => origin !== provider && (copy === null || origin !== copy.origin);
  const gate = gateWrites(provider, { isLocalChange, onReleased: () => saves.released() });
  const saves: SaveTracker = trackSaves(provider, { isLocalChange, canSend: () => gate.writable, keeper: copy ?? undefined });
  if (identity === undefined) provider.awareness.setLocalState(null);
  else provider.awareness.setLocalStateField('user', { name: identity.name, color: identity.color });

  let destroyed = false;
  if (copy === null) provider.connect();
  else {
    void copy.loaded.then((state) => {
      if (destroyed) return;
      saves.carryOver(state);
      provider.connect();
    });
  }

  return {
    roomName,
    doc,
    provider,
    saves,
    localCopy: copy?.name ?? null,
    get writable() {
      return gate.writable;
    },
    setWritable(next) {
      gate.setWritable(next);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      saves.destroy();
      gate.destroy();
      provider.destroy(); // tells the others we left while the socket is still open
      provider.awareness.destroy();
      copy?.close();
      doc.destroy();
    },
  };
}
