/**
 * The link between instances (issue 11): room messages (stored updates, presence) and live events (rights
 * changed, sessions ended, reports frozen or deleted). One instance alone needs none: the registry then has
 * no bus. The Redis implementation is redisBus.ts.
 */
import type { BusMessage } from './busMessages.js';
import type { LiveEvent } from './liveEvents.js';

export interface RoomBus {
  /** This instance's id, in every message it sends; its own messages come back and are ignored by it. */
  readonly instanceId: string;
  /** Starts hearing a room's messages; resolves once the subscription is in place. */
  join(room: string, listener: (message: BusMessage) => void): Promise<void>;
  /** Stops hearing a room. */
  leave(room: string): Promise<void>;
  /**
   * Sends a room message to the other instances that hold the room. Never throws: a message lost while
   * the bus is down is made up for from the store (every instance catches up when the bus comes back).
   */
  publish(room: string, message: BusMessage): void;
  /** Sends a live event to every instance (this one too); resolves to how many instances heard it. */
  publishEvent(event: LiveEvent): Promise<number>;
  /** Hears every live event (its own included). */
  onEvent(listener: (event: LiveEvent) => void): void;
  /** Called after the bus came back from an outage: what was published meanwhile is lost. */
  onReconnect(listener: () => void): void;
  /** Resolves when the bus answers; rejects when it cannot be reached (`/api/health`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
