/**
 * What a room allows one connection, and the pacing of what a client may repeat at will (issue 8: 200 sync
 * requests on a 1 MB room made the server send 86 MB; presence from one reader reached ten listeners
 * tenfold). Sync requests and presence updates are each handled at most once per interval per connection,
 * the latest instance winning (coalescer.ts).
 */
import { Coalescer } from './coalescer.js';

export interface RoomLimits {
  /** The least time between two answers to one connection's sync requests, in ms; sooner ones are folded. */
  syncIntervalMs: number;
  /** The least time between two presence updates applied for one connection, in ms; latest wins. */
  awarenessIntervalMs: number;
  /** The largest presence update accepted, in bytes; larger ones close the connection with 4413. */
  maxAwarenessBytes: number;
  /**
   * The most bytes of updates a connection may have waiting for content the room lacks
   * (waitingUpdates.ts); more closes it with 4413.
   */
  maxWaitingBytes: number;
}

/** One connection's paced requests: each handler gets the latest state vector or presence update. */
export class Pacing {
  readonly sync: Coalescer<Uint8Array>;
  readonly awareness: Coalescer<Uint8Array>;

  constructor(limits: RoomLimits, answerSync: (stateVector: Uint8Array) => void, applyAwareness: (update: Uint8Array) => void) {
    this.sync = new Coalescer(limits.syncIntervalMs, answerSync);
    this.awareness = new Coalescer(limits.awarenessIntervalMs, applyAwareness);
  }

  /** Drops what is waiting (the connection left). */
  cancel(): void {
    this.sync.cancel();
    this.awareness.cancel();
  }
}
