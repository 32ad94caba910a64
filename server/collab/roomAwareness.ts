/**
 * A room's awareness (who is here, their carets): what clients announce, stamped with who they are
 * (awarenessIdentity.ts), relayed to every connection — the sender too, since y-websocket closes a socket
 * that hears nothing for 30 s — and removed when a connection leaves.
 *
 * Changes are relayed in batches, at most every {@link RELAY_WINDOW_MS}: with fifty people moving their
 * carets, one message per connection per window instead of one per caret move (measured in
 * `npm run bench -- --cursors`).
 */
import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../../common/closeCodes.js';
import { isEchoOnly, stampAwareness } from './awarenessIdentity.js';
import type { Connection } from './connection.js';
import { encodeAwareness } from './messages.js';
import { relay } from './relay.js';

/** How long changes are gathered before they are relayed, in ms: short enough that carets feel live. */
export const RELAY_WINDOW_MS = 30;

/** The origin of presence relayed by another instance: not sent back to the bus. */
const REMOTE = Symbol('remote presence');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness ids changed since the last relay. */
  private readonly pending = new Set<number>();
  /** Of those, the ids this instance's connections changed (told to other instances, issue 11). */
  private readonly pendingOwn = new Set<number>();
  private relayTimer: NodeJS.Timeout | null = null;

  /**
   * `connections` is the room's live set, read at each change; `onOwnChange` gets, once per relay window,
   * the changes this instance's connections made (for the other instances; absent when alone).
   */
  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    private readonly onOwnChange: (update: Uint8Array) => void = () => {},
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it announces no state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relay(change, origin));
  }

  /** Sends a connection everyone's current state (on joining, or when it asks). */
  sendAll(connection: Connection, evenIfEmpty = false): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0 || evenIfEmpty) connection.send(encodeAwareness(this.awareness, clients));
  }

  /**
   * Applies a client's awareness after putting the server-known name and department in it. A client may
   * only speak for its own awareness ids: one another person's connection uses is refused with 4400.
   */
  receive(connection: Connection, update: Uint8Array): void {
    let stamped: Uint8Array;
    try {
      stamped = stampAwareness(update, connection.identity, this.known, connection);
    } catch {
      connection.close(CloseCode.malformed, 'malformed or foreign awareness update');
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, connection);
  }

  /** True when `update` only sends back presence the room has already (awarenessIdentity.ts). */
  isEcho(update: Uint8Array): boolean {
    return isEchoOnly(update, this.knownClock);
  }

  /** Applies presence relayed by another instance (stamped there) and relays it to the connections here. */
  applyRemote(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch {
      // A malformed message from the bus harms nobody: it is dropped.
    }
  }

  /** The presence of this instance's own connections, for an instance that just loaded the room; null when none. */
  encodeOwn(): Uint8Array | null {
    const own = [...this.connections].flatMap((connection) => [...connection.awarenessClients]);
    const known = own.filter((client) => this.awareness.meta.has(client));
    return known.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, known) : null;
  }

  /** Removes the states a departed connection spoke for, telling everyone. */
  forget(connection: Connection): void {
    const clients = [...connection.awarenessClients];
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  destroy(): void {
    if (this.relayTimer) clearTimeout(this.relayTimer);
    this.relayTimer = null;
    this.pending.clear();
    this.pendingOwn.clear();
    this.awareness.destroy();
  }

  /** The latest clock the room has of an awareness id. */
  private readonly knownClock = (client: number) => this.awareness.meta.get(client)?.clock;

  /** Who speaks for an awareness id here, and the latest clock the room has of it. */
  private readonly known = (client: number) => ({ owner: this.ownerOf(client), clock: this.knownClock(client) });

  /** The connection that announced an awareness id, if it is still here. */
  private ownerOf(client: number): Connection | undefined {
    for (const connection of this.connections) if (connection.awarenessClients.has(client)) return connection;
    return undefined;
  }

  private relay({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const sender = this.connections.has(origin as Connection) ? (origin as Connection) : null;
    for (const connection of this.connections) {
      if (connection === sender) {
        for (const client of [...added, ...updated]) connection.awarenessClients.add(client);
        for (const client of removed) connection.awarenessClients.delete(client);
      } else if (sender !== null) {
        // The same person reconnected with the same id: the new connection speaks for it now, so the old
        // one closing does not remove it.
        for (const client of [...added, ...updated]) connection.awarenessClients.delete(client);
      }
    }
    for (const client of changed) this.pending.add(client);
    if (origin !== REMOTE && origin !== 'timeout') for (const client of changed) this.pendingOwn.add(client);
    this.relayTimer ??= setTimeout(() => this.flush(), RELAY_WINDOW_MS);
  }

  /** Sends what changed in the window to every connection, in one message. */
  private flush(): void {
    this.relayTimer = null;
    // Only ids the awareness still has meta for can be encoded (all of them, as y-protocols keeps meta).
    const changed = [...this.pending].filter((client) => this.awareness.meta.has(client));
    const own = [...this.pendingOwn].filter((client) => this.awareness.meta.has(client));
    this.pending.clear();
    this.pendingOwn.clear();
    if (own.length > 0) this.onOwnChange(awarenessProtocol.encodeAwarenessUpdate(this.awareness, own));
    if (changed.length === 0) return;
    // Removed ids are encoded with a null state: encodeAwarenessUpdate reads the current states and meta.
    relay(encodeAwareness(this.awareness, changed), this.connections);
  }
}
