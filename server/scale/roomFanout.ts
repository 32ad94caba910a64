/**
 * One room's share of the fan-out between instances (issue 11, item 3). The room stores an update, then
 * this publishes it with its sequence number; updates other instances stored arrive here and are applied
 * and relayed to this instance's connections in sequence order. An update that arrives ahead of one still
 * missing waits a moment for it (messages of two instances may cross); if the gap stays — a lost message,
 * Redis restarted — the room catches up from the store, which holds every update before any was relayed.
 * Presence goes through the bus too.
 */
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import type { Room } from '../collab/room.js';
import type { DocumentStore } from '../storage/store.js';
import type { BusMessage } from './busMessages.js';
import type { RoomBus } from './roomBus.js';

export interface FanoutOptions {
  /** How long an update that arrived ahead of a missing one waits before the room reads the store, in ms. */
  gapWaitMs: number;
  /**
   * How often a room with people in it asks the store whether it missed anything, in ms: a message lost with
   * nothing after it (its publisher lost Redis just then) leaves no gap to notice. One indexed read.
   */
  verifyEveryMs: number;
}

/** Observations for the metrics (optional). */
export interface FanoutObserver {
  /** Seconds between an update's publication and its arrival here. */
  lag?(seconds: number): void;
  /** A gap was filled from the store. */
  caughtUp?(): void;
}

export class RoomFanout {
  /** Every update up to this sequence number is in the document. */
  private contiguous: number;
  /** Updates known past a gap: the bytes of others' (to apply in order), null for this instance's own. */
  private readonly ahead = new Map<number, Uint8Array | null>();
  private gapTimer: NodeJS.Timeout | null = null;
  private verifyTimer: NodeJS.Timeout | null = null;
  private left = false;

  constructor(
    private readonly room: Room,
    private readonly bus: RoomBus,
    private readonly store: Pick<DocumentStore, 'loadUpdatesAfter' | 'loadDocument'>,
    lastSeq: number,
    private readonly options: FanoutOptions,
    private readonly logger: FastifyBaseLogger,
    private readonly observer: FanoutObserver = {},
  ) {
    this.contiguous = lastSeq;
  }

  /**
   * Subscribes, then reads what was stored between the room's load and the subscription (nothing published
   * in that window is missed), then asks the others for their presence.
   */
  async start(): Promise<void> {
    await this.bus.join(this.room.name, (message) => this.receive(message));
    await this.room.schedule(() => this.catchUp());
    this.bus.publish(this.room.name, { kind: 'awarenessQuery', from: this.bus.instanceId });
    this.verifyTimer = setInterval(() => {
      if (this.room.connections.size > 0 && !this.gapTimer) void this.room.schedule(() => this.catchUp()).catch(() => {});
    }, this.options.verifyEveryMs);
    this.verifyTimer.unref();
  }

  /** This instance stored `update` as `seq`: tell the others. Called in the room's queue. */
  stored(seq: number, update: Uint8Array): void {
    this.bus.publish(this.room.name, { kind: 'update', from: this.bus.instanceId, seq, sentAt: Date.now(), update });
    this.note(seq, null);
  }

  /** Presence changed by this instance's connections: tell the others. */
  presenceChanged(update: Uint8Array): void {
    this.bus.publish(this.room.name, { kind: 'awareness', from: this.bus.instanceId, update });
  }

  /** After a bus outage: read what was stored meanwhile. */
  reconnected(): void {
    void this.room.schedule(() => this.catchUp()).catch(() => {});
    this.bus.publish(this.room.name, { kind: 'awarenessQuery', from: this.bus.instanceId });
  }

  /** The room unloads: stop hearing it. */
  async stop(): Promise<void> {
    this.left = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.verifyTimer) clearInterval(this.verifyTimer);
    this.gapTimer = null;
    this.verifyTimer = null;
    await this.bus.leave(this.room.name);
  }

  private receive(message: BusMessage): void {
    if (this.left) return;
    switch (message.kind) {
      case 'update':
        this.observer.lag?.(Math.max(0, Date.now() - message.sentAt) / 1000);
        void this.room
          .schedule(() => {
            if (this.room.state === 'ready') this.note(message.seq, message.update);
          })
          .catch(() => {});
        return;
      case 'awareness':
        void this.room.schedule(() => this.room.presence.applyRemote(message.update)).catch(() => {});
        return;
      case 'awarenessQuery': {
        const own = this.room.presence.encodeOwn();
        if (own) this.presenceChanged(own);
        return;
      }
    }
  }

  /** Records that `seq` is known (with the bytes of another instance's update), applying what is now in order. */
  private note(seq: number, update: Uint8Array | null): void {
    if (seq <= this.contiguous || this.ahead.has(seq)) return;
    this.ahead.set(seq, update);
    this.applyInOrder();
    if (this.ahead.size === 0) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
    } else {
      this.gapTimer ??= setTimeout(() => {
        this.gapTimer = null;
        void this.room.schedule(() => this.catchUp()).catch(() => {});
      }, this.options.gapWaitMs);
    }
  }

  private applyInOrder(): void {
    for (;;) {
      const next = this.contiguous + 1;
      if (!this.ahead.has(next)) return;
      const update = this.ahead.get(next)!;
      this.ahead.delete(next);
      this.contiguous = next;
      if (update) this.room.applyRemoteUpdate(update);
    }
  }

  /** Reads from the store what this instance lacks, applies it and relays it. Runs in the room's queue. */
  private async catchUp(): Promise<void> {
    if (this.left || this.room.state !== 'ready') return;
    const after = this.contiguous;
    try {
      const updates = await this.store.loadUpdatesAfter(this.room.name, after);
      if (updates) {
        for (const { seq, update } of updates) {
          if (seq <= this.contiguous) continue;
          this.ahead.delete(seq);
          this.contiguous = seq;
          this.room.applyRemoteUpdate(update);
        }
      } else {
        // Folded into a snapshot meanwhile: apply the whole stored document (Yjs applies what it lacks).
        const stored = await this.store.loadDocument(this.room.name);
        const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
        if (parts.length > 0) this.room.applyRemoteUpdate(Y.mergeUpdates(parts));
        this.contiguous = Math.max(this.contiguous, stored.lastSeq);
      }
    } catch (error) {
      this.logger.warn({ err: error, room: this.room.name }, 'could not catch the room up from the store; trying again');
      this.gapTimer ??= setTimeout(() => {
        this.gapTimer = null;
        void this.room.schedule(() => this.catchUp()).catch(() => {});
      }, this.options.gapWaitMs * 5);
      return;
    }
    for (const seq of [...this.ahead.keys()]) if (seq <= this.contiguous) this.ahead.delete(seq);
    if (this.contiguous > after) this.observer.caughtUp?.();
    this.applyInOrder();
    if (this.ahead.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        void this.room.schedule(() => this.catchUp()).catch(() => {});
      }, this.options.gapWaitMs);
    }
  }
}
