/**
 * A room's awareness (who is here, their carets): what clients announce, stamped with who they are
 * (awarenessIdentity.ts), relayed to every connection — the sender too, since y-websocket closes a socket
 * that hears nothing for 30 s — and removed when a connection leaves.
 */
import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../../common/closeCodes.js';
import { stampAwareness } from './awarenessIdentity.js';
import type { Connection } from './connection.js';
import { encodeAwareness } from './messages.js';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;

  /** `connections` is the room's live set, read at each change. */
  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
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
      stamped = stampAwareness(
        update,
        connection.identity,
        (client) => ({ owner: this.ownerOf(client), clock: this.awareness.meta.get(client)?.clock }),
        connection,
      );
    } catch {
      connection.close(CloseCode.malformed, 'malformed or foreign awareness update');
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, connection);
  }

  /** Removes the states a departed connection spoke for, telling everyone. */
  forget(connection: Connection): void {
    const clients = [...connection.awarenessClients];
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  destroy(): void {
    this.awareness.destroy();
  }

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
    const message = encodeAwareness(this.awareness, changed);
    for (const connection of this.connections) connection.send(message);
  }
}
