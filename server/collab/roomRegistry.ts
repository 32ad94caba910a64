/**
 * The live rooms of this process. A room is loaded once however many connections arrive together,
 * unloaded after a final flush when it has been empty for a while, and flushed on shutdown.
 */
import type { FastifyBaseLogger } from 'fastify';
import type * as Y from 'yjs';
import { CloseCode } from '../../common/closeCodes.js';
import type { DocumentStore } from '../storage/store.js';
import type { Connection } from './connection.js';
import type { RoomLimits } from './pacing.js';
import { Room, RoomClosedError, type Verdict } from './room.js';
import { RoomPersistence, type PersistenceOptions } from './roomPersistence.js';
import type { RoomBus } from '../scale/roomBus.js';
import { RoomFanout, type FanoutObserver, type FanoutOptions } from '../scale/roomFanout.js';

/** Other instances serving the same rooms (issue 11): updates and presence go through `bus`. */
export interface RegistryScale extends FanoutOptions {
  bus: RoomBus;
  observer?: FanoutObserver;
}

export interface RegistryOptions extends PersistenceOptions, RoomLimits {
  /** How long a room stays loaded with nobody in it, in ms. */
  idleUnloadMs: number;
}

/** What the registry tells whoever keeps facts about rooms' content (the review). */
export interface RoomHooks {
  /**
   * A client's edit to `room` was stored, sent by `userId`; `doc` is the room's document with the edit
   * applied (read it now or in tasks it starts: it is destroyed when the room unloads). Called in the room's
   * queue, for every stored edit: it must return at once (start any work without awaiting it) and not throw.
   */
  onStored?(room: string, userId: string, doc: Y.Doc, update: Uint8Array): void;
}

/** Work asked of a room of a deleted report (issue 10, item 7): it is never loaded again in this process. */
export class RoomGoneError extends Error {
  override readonly name = 'RoomGoneError';
  constructor(room: string) {
    super(`room ${room} belongs to a deleted report`);
  }
}

/** The report id of a room name, `<reportId>/…`. */
const reportOf = (name: string) => name.slice(0, name.indexOf('/'));

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The rooms that finished loading and are not retiring; for changes to rooms that are live. */
  private readonly live = new Map<string, Room>();
  private readonly retiring = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Reports deleted while this process ran: their rooms are not loaded again (a few ids, kept for good). */
  private readonly deleted = new Set<string>();
  /** The fan-out of each live room, when other instances share the rooms. */
  private readonly fanouts = new Map<Room, RoomFanout>();
  private closing = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RegistryOptions,
    private readonly logger: FastifyBaseLogger,
    private readonly hooks: RoomHooks = {},
    private readonly scale: RegistryScale | null = null,
  ) {
    scale?.bus.onReconnect(() => {
      for (const fanout of this.fanouts.values()) fanout.reconnected();
    });
  }

  /** The number of rooms loaded or loading. */
  get size(): number {
    return this.rooms.size;
  }

  /**
   * Puts a connection into its room, loading the room first if needed. The join runs in the room's queue:
   * `recheck` decides the connection's access again there, so a change of ownership or of the session made
   * while the room loaded is not missed; a room that failed or began to unload meanwhile is not joined —
   * a fresh one is loaded instead. Never rejects: a failure is logged and closes the connection with 1011.
   */
  async admit(name: string, connection: Connection, recheck: () => Promise<Verdict>): Promise<void> {
    try {
      await this.withRoom(name, (room) =>
        room.schedule(async () => {
          if (room.state !== 'ready') throw new RoomClosedError(room.name, room.state);
          const verdict = await recheck();
          if (typeof verdict !== 'string') {
            connection.close(verdict.close, verdict.reason);
            return;
          }
          connection.access = verdict;
          room.join(connection);
        }),
      );
    } catch (error) {
      if (this.closing) {
        connection.close(CloseCode.goingAway, 'server shutting down');
        return;
      }
      if (error instanceof RoomGoneError) {
        connection.close(CloseCode.reportDeleted, 'the report was deleted');
        return;
      }
      connection.log.error({ err: error }, 'could not open the room for a connection');
      connection.close(CloseCode.internalError, 'could not open the room');
    }
  }

  /**
   * Runs `task` on the room, loading it if needed (it is unloaded again when idle). Waits for a room that
   * is being unloaded; when the task finds the room closed ({@link RoomClosedError}: it failed or began to
   * unload before the task's turn), runs it again on a fresh one.
   */
  async withRoom<T>(name: string, task: (room: Room) => Promise<T>): Promise<T> {
    for (;;) {
      if (this.closing) throw new Error('server shutting down');
      const retiring = this.retiring.get(name);
      if (retiring) {
        await retiring;
        continue;
      }
      const room = await this.get(name);
      try {
        return await task(room);
      } catch (error) {
        if (!(error instanceof RoomClosedError)) throw error;
        // A closed room has left the maps already (retire and drop remove it as they close it).
      }
    }
  }

  /** The live rooms whose names start with `prefix` (e.g. `<reportId>/`). */
  liveRooms(prefix: string): Room[] {
    return [...this.live.values()].filter((room) => room.name.startsWith(prefix));
  }

  /**
   * Closes every room of a deleted report (issue 10, item 7) with `code`, after what each has received,
   * without a final flush (nothing of the report is kept), and refuses to load any of them again. Rooms
   * that were loading are closed once loaded; rooms unloading finish first. What a room stored meanwhile
   * is left for the caller to remove.
   */
  async closeReport(reportId: string, code: number, reason: string): Promise<void> {
    this.deleted.add(reportId);
    const prefix = `${reportId}/`;
    const ofReport = <T>(map: Map<string, T>) => [...map].filter(([name]) => name.startsWith(prefix)).map(([, value]) => value);
    const loaded = await Promise.allSettled(ofReport(this.rooms));
    await Promise.all(ofReport(this.retiring));
    for (const result of loaded) {
      if (result.status !== 'fulfilled') continue;
      const room = result.value;
      await room.schedule(() => {
        if (room.state !== 'ready') return;
        room.state = 'closing';
        this.forget(room);
        room.destroy(code, reason);
      });
    }
  }

  /** Stops admitting, then flushes and unloads every room. */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const loaded = await Promise.allSettled([...this.rooms.values()]);
    for (const result of loaded) {
      if (result.status === 'fulfilled') void this.retire(result.value, CloseCode.goingAway, 'server shutting down');
    }
    await Promise.all([...this.retiring.values()]);
  }

  private get(name: string): Promise<Room> {
    if (this.deleted.has(reportOf(name))) return Promise.reject(new RoomGoneError(name));
    let room = this.rooms.get(name);
    if (!room) {
      const loading = this.load(name);
      room = loading;
      this.rooms.set(name, loading);
      loading.catch(() => {
        if (this.rooms.get(name) === loading) this.rooms.delete(name);
      });
    }
    return room;
  }

  private async load(name: string): Promise<Room> {
    const stored = await this.store.loadDocument(name);
    const persistence = new RoomPersistence(this.store, name, stored, this.options, this.logger);
    const room = new Room(
      name,
      stored,
      persistence,
      {
        onOccupancy: (target, empty) => this.occupancy(target, empty),
        onFailure: (target) => this.drop(target),
        onStored: (target, connection, update) => this.hooks.onStored?.(target.name, connection.identity.userId, target.doc, update),
      },
      this.options,
      this.logger,
    );
    if (this.scale) {
      const fanout = new RoomFanout(room, this.scale.bus, this.store, stored.lastSeq, this.scale, this.logger, this.scale.observer);
      room.replication = fanout;
      this.fanouts.set(room, fanout);
      try {
        await fanout.start();
      } catch (error) {
        this.fanouts.delete(room);
        room.destroy(CloseCode.internalError, 'could not open the room');
        await fanout.stop().catch(() => {});
        throw error;
      }
    }
    if (persistence.shouldCompact) void room.compact();
    this.live.set(name, room);
    this.occupancy(room, true);
    return room;
  }

  private occupancy(room: Room, empty: boolean): void {
    clearTimeout(this.idleTimers.get(room.name));
    this.idleTimers.delete(room.name);
    if (!empty || this.closing || room.state !== 'ready') return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.connections.size === 0) void this.retire(room, CloseCode.goingAway, 'room unloaded');
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  /**
   * Unloads a room in its queue, after what it has received: writes a final snapshot, then closes it. An
   * idle unload that finds someone joined meanwhile leaves the room as it is; on shutdown it always goes.
   */
  private retire(room: Room, code: number, reason: string): Promise<void> {
    const existing = this.retiring.get(room.name);
    if (existing) return existing;
    const done: Promise<void> = room
      .schedule(async () => {
        if (room.state !== 'ready') return;
        if (!this.closing && room.connections.size > 0) return;
        room.state = 'closing';
        this.forget(room);
        await room.compactNow();
        room.destroy(code, reason);
      })
      .catch((error: unknown) => this.logger.error({ err: error, room: room.name }, 'could not flush the room'))
      .finally(() => {
        if (this.retiring.get(room.name) === done) this.retiring.delete(room.name);
      });
    this.retiring.set(room.name, done);
    return done;
  }

  /** Takes a room out of the maps, so the next join loads it afresh. */
  private forget(room: Room): void {
    const fanout = this.fanouts.get(room);
    if (fanout) {
      this.fanouts.delete(room);
      room.replication = null;
      void fanout.stop().catch((error: unknown) => this.logger.warn({ err: error, room: room.name }, 'could not leave the room on the bus'));
    }
    if (this.live.get(room.name) !== room) return;
    clearTimeout(this.idleTimers.get(room.name));
    this.idleTimers.delete(room.name);
    this.rooms.delete(room.name);
    this.live.delete(room.name);
  }

  /** The room failed (the store refused a write, or an update broke the document): close it; reload on demand. */
  private drop(room: Room): void {
    this.forget(room);
    room.destroy(CloseCode.internalError, 'storage failure');
  }
}
