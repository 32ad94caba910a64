/**
 * One live room: its Yjs document, its connections and their presence (roomAwareness.ts). Every message goes through the
 * room's task queue, so an update is applied, appended to the store and only then relayed, in order.
 */
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '../../common/closeCodes.js';
import type { Connection } from './connection.js';
import {
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  type ClientMessage,
} from './messages.js';
import { RoomAwareness } from './roomAwareness.js';
import { TaskQueue } from './taskQueue.js';
import type { Access } from '../../common/access.js';

/** What a connection may do from now on: its access, or to be closed with a code of CloseCode. */
export type Verdict = Access | { close: number; reason: string };

/** The origin of changes the server makes itself. */
const SERVER_ORIGIN = Symbol('server');
import type { RoomPersistence } from './roomPersistence.js';

/** ready: serving; closing: flushing before unload; failed: the store refused a write; closed: gone. */
export type RoomState = 'ready' | 'closing' | 'failed' | 'closed';

/** What the room tells the registry that holds it. */
export interface RoomEvents {
  /** The last connection left (or one joined again: `empty` false). */
  onOccupancy(room: Room, empty: boolean): void;
  /** The store refused a write even after retries; the registry drops the room. */
  onFailure(room: Room): void;
}

export class Room {
  state: RoomState = 'ready';
  readonly connections = new Set<Connection>();
  readonly presence: RoomAwareness;
  private readonly queue = new TaskQueue();
  private compactionScheduled = false;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly persistence: RoomPersistence,
    private readonly events: RoomEvents,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.presence = new RoomAwareness(doc, this.connections);
  }

  /** Adds a connection: greets it with sync step 1 and the current awareness, then handles its messages. */
  join(connection: Connection): void {
    if (connection.state === 'closed') {
      // Gone while the room loaded: handle what it sent, nothing more.
      connection.open((from, data) => this.receive(from, data));
      return;
    }
    this.connections.add(connection);
    this.events.onOccupancy(this, false);
    connection.onClose(() => this.leave(connection));
    connection.send(encodeSyncStep1(this.doc));
    this.presence.sendAll(connection);
    connection.open((from, data) => this.receive(from, data));
  }

  /** Resolves when every message received so far has been handled (and its update stored). */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  /** Runs `task` in the room's queue, after every message received before it. */
  schedule<T>(task: () => Promise<T> | T): Promise<T> {
    return this.queue.run(task);
  }

  /**
   * Makes a change as the server (the review room's keys, for instance), after every message received so
   * far: applied, stored, then sent to every connection.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    return this.queue.run(async () => {
      if (this.state !== 'ready') throw new Error(`room ${this.name} is ${this.state}`);
      const updates: Uint8Array[] = [];
      const collect = (update: Uint8Array, origin: unknown) => {
        if (origin === SERVER_ORIGIN) updates.push(update);
      };
      this.doc.on('update', collect);
      try {
        this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
      } finally {
        this.doc.off('update', collect);
      }
      if (updates.length === 0) return;
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      try {
        await this.persistence.append(update);
      } catch (error) {
        this.fail(error);
        throw error;
      }
      const message = encodeUpdate(update);
      for (const connection of this.connections) connection.send(message);
    });
  }

  /**
   * Changes what each connection may do, after every message received so far: an edit sent before the
   * change is judged by the old rights, one sent after by the new (or not at all, if it is closed).
   */
  reauthorise(decide: (connection: Connection) => Verdict): Promise<void> {
    return this.queue.run(() => {
      for (const connection of [...this.connections]) {
        const verdict = decide(connection);
        if (typeof verdict === 'string') connection.access = verdict;
        else connection.close(verdict.close, verdict.reason);
      }
    });
  }

  /** Folds the log into a snapshot, after every message received so far. Failure is logged, not fatal. */
  compact(): Promise<void> {
    return this.queue.run(async () => {
      this.compactionScheduled = false;
      if (this.state === 'failed' || this.state === 'closed') return;
      try {
        await this.persistence.compact(this.doc);
      } catch (error) {
        this.logger.error({ err: error, room: this.name }, 'compaction failed; the log is kept');
      }
    });
  }

  /** Closes every connection with `code` and frees the document. */
  destroy(code: number, reason: string): void {
    this.state = 'closed';
    for (const connection of [...this.connections]) connection.close(code, reason);
    this.presence.destroy();
    this.doc.destroy();
  }

  private receive(connection: Connection, data: Uint8Array): void {
    let message: ClientMessage;
    try {
      message = decodeClientMessage(data);
    } catch (error) {
      const reason = error instanceof MalformedMessageError ? error.message : 'malformed message';
      connection.close(CloseCode.malformed, reason);
      return;
    }
    void this.queue.run(() => this.handle(connection, message)).catch((error: unknown) => {
      this.logger.error({ err: error, room: this.name }, 'room message failed');
      connection.close(CloseCode.internalError, 'server error');
    });
  }

  private async handle(connection: Connection, message: ClientMessage): Promise<void> {
    if (connection.refused || this.state !== 'ready') return;
    // A connection that went away still gets its edits stored; nothing else it sent matters any more.
    const isUpdate = message.type === 'update' || message.type === 'syncStep2';
    if (connection.state === 'closed' && !isUpdate) return;
    switch (message.type) {
      case 'syncStep1':
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'syncStep2':
      case 'update':
        await this.receiveUpdate(connection, message.update);
        return;
      case 'awareness':
        this.presence.receive(connection, message.update);
        return;
      case 'queryAwareness':
        this.presence.sendAll(connection, true);
        return;
    }
  }

  /**
   * Applies a client's update, stores what it added, then relays that to everyone else. A reader's update
   * that adds nothing (every client's sync step 2 carries its whole delete set) is ignored; one that
   * writes closes the connection with 4403 and changes nothing.
   */
  private async receiveUpdate(connection: Connection, update: Uint8Array): Promise<void> {
    if (connection.access === 'read') {
      if (!this.containsUpdate(connection, update)) {
        connection.close(CloseCode.forbiddenWrite, 'this connection may only read');
      }
      return;
    }
    const added = this.apply(connection, update);
    if (added === null) return;
    try {
      await this.persistence.append(added);
    } catch (error) {
      this.fail(error);
      return;
    }
    const message = encodeUpdate(added);
    for (const other of this.connections) if (other !== connection) other.send(message);
    if (this.persistence.shouldCompact && !this.compactionScheduled) {
      this.compactionScheduled = true;
      setImmediate(() => void this.compact());
    }
  }

  private containsUpdate(connection: Connection, update: Uint8Array): boolean {
    try {
      return Y.snapshotContainsUpdate(Y.snapshot(this.doc), update);
    } catch {
      connection.close(CloseCode.malformed, 'malformed update');
      return true;
    }
  }

  /** Applies an update; returns what it added to the document, or null when nothing (or it was bad). */
  private apply(connection: Connection, update: Uint8Array): Uint8Array | null {
    const added: Uint8Array[] = [];
    const collect = (change: Uint8Array, origin: unknown) => {
      if (origin === connection) added.push(change);
    };
    this.doc.on('update', collect);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch {
      connection.close(CloseCode.malformed, 'malformed update');
      return null;
    } finally {
      this.doc.off('update', collect);
    }
    if (added.length === 0) return null;
    return added.length === 1 ? added[0]! : Y.mergeUpdates(added);
  }

  private leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (this.state === 'ready') this.presence.forget(connection);
    if (this.connections.size === 0) this.events.onOccupancy(this, true);
  }

  /** The store refused a write: drop the room. Clients keep their edits and send them again on reconnect. */
  private fail(error: unknown): void {
    if (this.state === 'failed') return;
    this.logger.error({ err: error, room: this.name }, 'could not store an update; closing the room');
    this.state = 'failed';
    this.events.onFailure(this);
  }
}
