/**
 * One live room: its Yjs document, its connections and their presence (roomAwareness.ts). Every message
 * goes through the room's task queue, so an update is checked whole, applied, appended to the store and
 * only then relayed, in order. Joining and unloading go through the same queue.
 */
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '../../common/closeCodes.js';
import type { Connection } from './connection.js';
import {
  decodeClientMessage,
  encodeSyncStep1,
  encodeUpdate,
  MalformedMessageError,
  type ClientMessage,
} from './messages.js';
import { relay } from './relay.js';
import { RoomAwareness } from './roomAwareness.js';
import { TaskQueue } from './taskQueue.js';
import type { Access } from '../../common/access.js';
import { Pacing, type RoomLimits } from './pacing.js';
import { SyncAnswers } from './syncAnswers.js';
import { WaitingUpdates } from './waitingUpdates.js';
import type { RoomPersistence } from './roomPersistence.js';
import { RoomDoc } from './roomDoc.js';
import type { StoredDocument } from '../storage/store.js';

/** What a connection may do from now on: its access, or to be closed with a code of CloseCode. */
export type Verdict = Access | { close: number; reason: string };

/** The origin of changes the server makes itself. */
const SERVER_ORIGIN = Symbol('server');
/** The origin of updates other instances stored (issue 11). */
const REMOTE_ORIGIN = Symbol('remote');

/** Where the room's stored updates and presence go beyond this process (server/scale/roomFanout.ts). */
export interface RoomReplication {
  /** An update was stored under `seq`: publish it. Called in the room's queue, before it is relayed here. */
  stored(seq: number, update: Uint8Array): void;
  /** This instance's connections changed presence: publish it. */
  presenceChanged(update: Uint8Array): void;
}

/**
 * ready: serving; closing: flushing before unload; failed: the store refused a write, or an update broke
 * the document (it is reloaded from the store); closed: gone.
 */
export type RoomState = 'ready' | 'closing' | 'failed' | 'closed';

/** Thrown by work scheduled on a room that closed before its turn; the registry retries on a fresh room. */
export class RoomClosedError extends Error {
  override readonly name = 'RoomClosedError';
  constructor(room: string, state: RoomState) {
    super(`room ${room} is ${state}`);
  }
}

/** What the room tells the registry that holds it. */
export interface RoomEvents {
  /** The last connection left (or one joined again: `empty` false). */
  onOccupancy(room: Room, empty: boolean): void;
  /** The store refused a write even after retries, or the document broke; the registry drops the room. */
  onFailure(room: Room): void;
  /** A connection's edit (`update`, what it added) was stored and relayed; the review learns of edits to approved sections. */
  onStored?(room: Room, connection: Connection, update: Uint8Array): void;
}

export class Room {
  state: RoomState = 'ready';
  readonly connections = new Set<Connection>();
  readonly presence: RoomAwareness;
  private readonly queue = new TaskQueue();
  private readonly syncAnswers: SyncAnswers;
  private readonly paced = new Map<Connection, Pacing>();
  private readonly waiting: WaitingUpdates;
  private compactionScheduled = false;
  private readonly roomDoc: RoomDoc;
  /** Connections of a room just loaded that have not been sent sync step 1 yet (join). */
  private readonly ungreeted = new Set<Connection>();
  /** True while a message is handled (in the room's order): paced work it starts at once runs there. */
  private handling = false;
  /** Set when other instances share the room (REDIS_URL); null when this process is alone. */
  replication: RoomReplication | null = null;

  constructor(
    readonly name: string,
    /** What the store holds of the room; the document takes it in on first use (roomDoc.ts). */
    stored: StoredDocument,
    private readonly persistence: RoomPersistence,
    private readonly events: RoomEvents,
    private readonly limits: RoomLimits,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.roomDoc = new RoomDoc(stored);
    this.presence = new RoomAwareness(this.roomDoc.shell, this.connections, (update) => this.replication?.presenceChanged(update));
    this.syncAnswers = new SyncAnswers(this.roomDoc);
    this.waiting = new WaitingUpdates(limits.maxWaitingBytes);
  }

  /**
   * The room's document, with the stored state in it (built on first use). Should the stored state not
   * apply, the room fails (it is dropped and loaded again on the next join) and this throws.
   */
  get doc(): Y.Doc {
    try {
      return this.roomDoc.get();
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  /**
   * Adds a connection: greets it with sync step 1 (in a room whose document is not built yet, after its
   * first message) and the current awareness, then handles its messages. Call it from the room's queue
   * (see {@link schedule}) while the room is ready.
   */
  join(connection: Connection): void {
    if (connection.state === 'closed') {
      // Gone while the room loaded: handle what it sent, nothing more.
      connection.open((from, data) => this.receive(from, data));
      return;
    }
    this.connections.add(connection);
    this.paced.set(
      connection,
      new Pacing(
        this.limits,
        (stateVector) => this.later(connection, () => this.syncAnswers.answer(stateVector).forEach((message) => connection.send(message))),
        (update) => this.later(connection, () => this.presence.receive(connection, update)),
      ),
    );
    this.events.onOccupancy(this, false);
    connection.onClose(() => this.leave(connection));
    // A room just loaded greets a connection once it has handled its first message: a brand-new editor's
    // sync request is answered from the stored bytes (syncAnswers.ts), and the document is built after that
    // answer has gone, not before (issue 13, the cold join).
    if (this.roomDoc.storedParts === null) this.greet(connection);
    else this.ungreeted.add(connection);
    this.presence.sendAll(connection);
    connection.open((from, data) => this.receive(from, data));
  }

  /** Sends sync step 1: the room's state vector, for the connection to answer with what the room lacks. */
  private greet(connection: Connection): void {
    connection.send(encodeSyncStep1(this.doc));
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
      if (this.state !== 'ready') throw new RoomClosedError(this.name, this.state);
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
      let seq: number;
      try {
        seq = await this.persistence.append(update);
      } catch (error) {
        this.fail(error);
        throw error;
      }
      this.replication?.stored(seq, update);
      relay(encodeUpdate(update), this.connections);
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
        if (verdict !== 'write') this.waiting.drop(connection);
      }
    });
  }

  /** Folds the log into a snapshot, after every message received so far. Failure is logged, not fatal. */
  compact(): Promise<void> {
    return this.queue.run(() => this.compactNow());
  }

  /**
   * Folds the log into a snapshot now; call it from the room's queue. Failure is logged, not fatal (the
   * log is kept and read again on the next load).
   */
  async compactNow(): Promise<void> {
    this.compactionScheduled = false;
    if (this.state === 'failed' || this.state === 'closed') return;
    try {
      await this.persistence.compact();
    } catch (error) {
      this.logger.error({ err: error, room: this.name }, 'compaction failed; the log is kept');
    }
  }

  /** Closes every connection with `code` and frees the document. */
  destroy(code: number, reason: string): void {
    if (this.state !== 'failed') this.state = 'closed';
    for (const connection of [...this.connections]) connection.close(code, reason);
    for (const paced of this.paced.values()) paced.cancel();
    this.paced.clear();
    this.ungreeted.clear();
    this.waiting.clear();
    this.syncAnswers.destroy();
    this.presence.destroy();
    this.roomDoc.shell.destroy();
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
      connection.log.error({ err: error }, 'room message failed');
      connection.close(CloseCode.internalError, 'server error');
    });
  }

  private async handle(connection: Connection, message: ClientMessage): Promise<void> {
    if (connection.refused || this.state !== 'ready') return;
    // A connection that went away still gets its edits stored; nothing else it sent matters any more.
    const isUpdate = message.type === 'update' || message.type === 'syncStep2';
    if (connection.state === 'closed' && !isUpdate) return;
    // The connection's first message in a room just loaded (join): greeted after answering a sync request,
    // before handling anything else.
    const ungreeted = this.ungreeted.size > 0 && this.ungreeted.delete(connection);
    if (ungreeted && message.type !== 'syncStep1') this.greet(connection);
    switch (message.type) {
      case 'syncStep1':
        this.inOrder(() => this.paced.get(connection)?.sync.offer(message.stateVector));
        if (ungreeted) this.greet(connection);
        return;
      case 'syncStep2':
        await this.receiveUpdate(connection, message.update, null);
        return;
      case 'update':
        await this.receiveUpdate(connection, message.update, message.message);
        return;
      case 'awareness':
        if (message.update.byteLength > this.limits.maxAwarenessBytes) {
          connection.close(CloseCode.tooLarge, `presence over ${this.limits.maxAwarenessBytes} bytes`);
          return;
        }
        // Echoes are dropped before pacing: they must not take the place of the sender's own presence.
        if (this.presence.isEcho(message.update)) return;
        this.inOrder(() => this.paced.get(connection)?.awareness.offer(message.update));
        return;
      case 'queryAwareness':
        this.presence.sendAll(connection, true);
        return;
    }
  }

  /** Runs `offer` as part of the message being handled: what it starts at once runs now ({@link later}). */
  private inOrder(offer: () => void): void {
    this.handling = true;
    try {
      offer();
    } finally {
      this.handling = false;
    }
  }

  /**
   * Runs a paced request of a connection in the room's order, unless the connection or the room is gone:
   * at once when started by the message being handled, else at the end of the room's queue (a request
   * that waited out its interval). A failure closes the connection.
   */
  private later(connection: Connection, task: () => void): void {
    const run = () => {
      if (connection.state === 'closed' || this.state !== 'ready') return;
      task();
    };
    if (this.handling) {
      run();
      return;
    }
    void this.queue.run(run).catch((error: unknown) => {
      connection.log.error({ err: error }, 'room request failed');
      connection.close(CloseCode.internalError, 'server error');
    });
  }

  /**
   * Applies a client's update, stores what it added, then relays that to everyone else. A reader's update
   * that adds nothing (every client's sync step 2 carries its whole delete set) is ignored; one that
   * writes closes the connection with 4403 and changes nothing. A writer's update that needs content the
   * room lacks waits (outside the document) until it has arrived. `received`: the message that carried it,
   * when relaying that as it is would do (an `update` message; not a sync step 2).
   */
  private async receiveUpdate(connection: Connection, update: Uint8Array, received: Uint8Array | null): Promise<void> {
    if (connection.access === 'read') {
      if (!this.containsUpdate(connection, update)) {
        connection.close(CloseCode.forbiddenWrite, 'this connection may only read');
      }
      return;
    }
    const intake = this.waiting.take(this.doc, connection, update);
    switch (intake.kind) {
      case 'wait':
        return;
      case 'refuse':
        connection.close(intake.code, intake.reason);
        return;
      case 'apply': {
        // The message says what was added only when all of it was (fresh), and not merged with what the
        // connection had waiting.
        const asReceived = intake.fresh && intake.update === update ? received : null;
        if (!(await this.write(connection, intake.update, intake.fresh, asReceived))) return;
      }
    }
    // What others' waiting updates needed may have come with this one.
    for (const [other, waiting] of this.waiting.takeReady(this.doc)) {
      if (!(await this.write(other, waiting))) return;
    }
  }

  /**
   * Applies a complete update, appends what it added, relays it (as `received` when given: the message it
   * came in, which says the same), then tells the room's hooks; false when the room failed meanwhile. A `fresh`
   * update (updateCheck.ts) adds exactly itself: Yjs is spared encoding it again.
   */
  private async write(connection: Connection, update: Uint8Array, fresh = false, received: Uint8Array | null = null): Promise<boolean> {
    const added = fresh ? this.applyFresh(connection, update) : this.apply(connection, update);
    if (added === null) return this.state === 'ready';
    let seq: number;
    try {
      seq = await this.persistence.append(added);
    } catch (error) {
      this.fail(error);
      return false;
    }
    this.replication?.stored(seq, added);
    connection.wrote = true;
    relay(received ?? encodeUpdate(added), this.connections, connection);
    // After the relay: what the hooks do (the review, the edit tally…) need not delay anyone's text.
    this.events.onStored?.(this, connection, added);
    if (this.persistence.shouldCompact && !this.compactionScheduled) {
      this.compactionScheduled = true;
      setImmediate(() => void this.compact());
    }
    return true;
  }

  /**
   * Applies an update another instance stored (it is in the store already) and relays what it added to
   * every connection here. Call it from the room's queue. Writes that waited for content may now go on.
   */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.state !== 'ready') return;
    const added: Uint8Array[] = [];
    const collect = (change: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) added.push(change);
    };
    this.doc.on('update', collect);
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (error) {
      // Stored by another instance yet unreadable here: reload from the store rather than diverge.
      this.fail(error);
      return;
    } finally {
      this.doc.off('update', collect);
    }
    if (added.length === 0) return;
    relay(encodeUpdate(added.length === 1 ? added[0]! : Y.mergeUpdates(added)), this.connections);
    if (this.waiting.size > 0) {
      void this.queue.run(async () => {
        if (this.state !== 'ready') return;
        for (const [other, waiting] of this.waiting.takeReady(this.doc)) {
          if (!(await this.write(other, waiting))) return;
        }
      });
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

  /**
   * Applies an update that {@link checkUpdate} accepted whole; returns what it added to the document, or
   * null when nothing. Should Yjs still fail half-way, the document may hold part of it: the room is then
   * dropped and reloaded from the store, which never saw that part.
   */
  private apply(connection: Connection, update: Uint8Array): Uint8Array | null {
    const added: Uint8Array[] = [];
    const collect = (change: Uint8Array, origin: unknown) => {
      if (origin === connection) added.push(change);
    };
    this.doc.on('update', collect);
    try {
      if (!this.integrate(connection, update)) return null;
    } finally {
      this.doc.off('update', collect);
    }
    if (added.length === 0) return null;
    return added.length === 1 ? added[0]! : Y.mergeUpdates(added);
  }

  /** Applies an update that holds nothing the room has (updateCheck.ts, `fresh`): all of it is added. */
  private applyFresh(connection: Connection, update: Uint8Array): Uint8Array | null {
    return this.integrate(connection, update) ? update : null;
  }

  /** `Y.applyUpdate`; false (the connection closed with 4400, the room failed) when Yjs throws. */
  private integrate(connection: Connection, update: Uint8Array): boolean {
    try {
      Y.applyUpdate(this.doc, update, connection);
      return true;
    } catch (error) {
      connection.close(CloseCode.malformed, 'malformed update');
      this.fail(error);
      return false;
    }
  }

  private leave(connection: Connection): void {
    this.ungreeted.delete(connection);
    this.paced.get(connection)?.cancel();
    this.paced.delete(connection);
    this.waiting.drop(connection);
    if (!this.connections.delete(connection)) return;
    if (this.state === 'ready') this.presence.forget(connection);
    if (this.connections.size === 0) this.events.onOccupancy(this, true);
  }

  /**
   * The store refused a write, or the document broke: drop the room (the next join loads it afresh from
   * the store). Clients keep their edits and send them again on reconnect.
   */
  private fail(error: unknown): void {
    if (this.state === 'failed') return;
    this.logger.error({ err: error, room: this.name }, 'could not store an update, or the document broke; closing the room');
    this.state = 'failed';
    this.events.onFailure(this);
  }
}
