/**
 * The live rooms of this process. A room is loaded once however many connections arrive together,
 * unloaded after a final flush when it has been empty for a while, and flushed on shutdown.
 */
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '../../common/closeCodes.js';
import type { Store } from '../storage/store.js';
import type { Connection } from './connection.js';
import { Room, type Verdict } from './room.js';
import { RoomPersistence, type PersistenceOptions } from './roomPersistence.js';
import { docFromStored } from '../storage/storedDocument.js';

export interface RegistryOptions extends PersistenceOptions {
  /** How long a room stays loaded with nobody in it, in ms. */
  idleUnloadMs: number;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The rooms that finished loading and are not retiring; for changes to rooms that are live. */
  private readonly live = new Map<string, Room>();
  private readonly retiring = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly options: RegistryOptions,
    private readonly logger: FastifyBaseLogger,
  ) {}

  /** The number of rooms loaded or loading. */
  get size(): number {
    return this.rooms.size;
  }

  /**
   * Puts a connection into its room, loading the room first if needed. `recheck` decides its access again
   * in the room's queue, so a change of ownership or of the session made while the room loaded is not
   * missed.
   */
  async admit(name: string, connection: Connection, recheck: () => Promise<Verdict>): Promise<void> {
    for (;;) {
      if (this.closing) {
        connection.close(CloseCode.goingAway, 'server shutting down');
        return;
      }
      const retiring = this.retiring.get(name);
      if (retiring) {
        await retiring;
        continue;
      }
      let room: Room;
      try {
        room = await this.get(name);
      } catch (error) {
        this.logger.error({ err: error, room: name }, 'could not load the room');
        connection.close(CloseCode.internalError, 'could not load the room');
        return;
      }
      if (room.state !== 'ready') continue;
      await room.schedule(async () => {
        const verdict = await recheck();
        if (typeof verdict !== 'string') {
          connection.close(verdict.close, verdict.reason);
          return;
        }
        connection.access = verdict;
        room.join(connection);
      });
      return;
    }
  }

  /**
   * Runs `task` on the room, loading it if needed (it is unloaded again when idle). Waits for a room that
   * is being unloaded.
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
      if (room.state !== 'ready') continue;
      return task(room);
    }
  }

  /** The live rooms whose names start with `prefix` (e.g. `<reportId>/`). */
  liveRooms(prefix: string): Room[] {
    return [...this.live.values()].filter((room) => room.name.startsWith(prefix));
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
    let room = this.rooms.get(name);
    if (!room) {
      room = this.load(name);
      this.rooms.set(name, room);
      room.catch(() => this.rooms.delete(name));
    }
    return room;
  }

  private async load(name: string): Promise<Room> {
    const stored = await this.store.loadDocument(name);
    const doc = docFromStored(stored);
    const persistence = new RoomPersistence(this.store, name, stored, this.options, this.logger);
    const room = new Room(
      name,
      doc,
      persistence,
      {
        onOccupancy: (target, empty) => this.occupancy(target, empty),
        onFailure: (target) => this.drop(target),
      },
      this.logger,
    );
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

  /** Handles what is queued, writes a final snapshot, then closes the room. */
  private retire(room: Room, code: number, reason: string): Promise<void> {
    const existing = this.retiring.get(room.name);
    if (existing) return existing;
    if (room.state !== 'ready') return Promise.resolve();
    this.rooms.delete(room.name);
    this.live.delete(room.name);
    const done = (async () => {
      await room.drain();
      await room.compact();
      room.state = 'closing';
      room.destroy(code, reason);
    })()
      .catch((error: unknown) => this.logger.error({ err: error, room: room.name }, 'could not flush the room'))
      .finally(() => this.retiring.delete(room.name));
    this.retiring.set(room.name, done);
    return done;
  }

  private drop(room: Room): void {
    clearTimeout(this.idleTimers.get(room.name));
    this.idleTimers.delete(room.name);
    this.rooms.delete(room.name);
    this.live.delete(room.name);
    room.destroy(CloseCode.internalError, 'storage failure');
  }
}
