/**
 * The bus between instances over Redis pub/sub (issue 11). Two connections, as Redis requires: one
 * subscribed (a channel per loaded room, one for live events), one for publishing and pings. Channel
 * names start with a prefix, so several deployments (or test runs) can share one Redis: pub/sub ignores
 * the database number.
 *
 * Redis keeps nothing here: a message published while an instance is cut off is lost to it. That is
 * allowed by design — every room message carries its sequence number in the store, and an instance that
 * reconnects catches every loaded room up from the store (`onReconnect`), as it does for any gap.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { redactUrl } from '../logging/redactUrl.js';
import { decodeBusMessage, encodeBusMessage, type BusMessage } from './busMessages.js';
import { parseLiveEvent, type LiveEvent } from './liveEvents.js';
import type { RoomBus } from './roomBus.js';

export interface RedisBusOptions {
  url: string;
  /** Starts every channel name; one per deployment. */
  prefix: string;
  /** Where outages and dropped messages are told. */
  logger: Pick<FastifyBaseLogger, 'warn'>;
  /** How long a publish or ping may wait for Redis, in ms. */
  commandTimeoutMs?: number;
}

/** Connects to Redis; rejects with a clear message when it cannot be reached (start-up stops). */
export async function openRedisBus(options: RedisBusOptions): Promise<RoomBus> {
  const timeout = options.commandTimeoutMs ?? 2_000;
  const connection = (name: string) =>
    new Redis(options.url, {
      connectionName: `dong-soan-${name}`,
      lazyConnect: true,
      // Reconnect for ever, at most every 2 s: an outage of Redis is ridden out, not fatal.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      maxRetriesPerRequest: 1,
    });
  const publisher = connection('pub');
  // Publishing while Redis is away fails at once instead of queueing: others catch up from the store.
  publisher.options.enableOfflineQueue = false;
  publisher.options.commandTimeout = timeout;
  const subscriber = connection('sub');
  // Errors are reported by the commands that fail; the connections' own 'error' events are only noise.
  for (const redis of [publisher, subscriber]) redis.on('error', () => {});
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await publisher.ping();
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`cannot reach Redis at ${redactUrl(options.url, 'REDIS_URL')}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new RedisBus(publisher, subscriber, options);
}

class RedisBus implements RoomBus {
  readonly instanceId = randomUUID();
  private readonly rooms = new Map<string, (message: BusMessage) => void>();
  private readonly eventListeners: Array<(event: LiveEvent) => void> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly eventsChannel: string;
  private readonly roomPrefix: string;
  private closed = false;
  private ready: Promise<unknown>;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisBusOptions,
  ) {
    this.eventsChannel = `${options.prefix}:events`;
    this.roomPrefix = `${options.prefix}:room:`;
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    this.ready = subscriber.subscribe(this.eventsChannel);
    // ioredis subscribes again by itself after a reconnect; what was published in between is made up for.
    let connectedOnce = false;
    subscriber.on('ready', () => {
      if (!connectedOnce) {
        connectedOnce = true;
        return;
      }
      options.logger.warn('reconnected to Redis: catching the loaded rooms up from the store');
      for (const listener of this.reconnectListeners) listener();
    });
    if (subscriber.status === 'ready') connectedOnce = true;
  }

  async join(room: string, listener: (message: BusMessage) => void): Promise<void> {
    await this.ready;
    this.rooms.set(room, listener);
    await this.subscriber.subscribe(this.roomPrefix + room);
  }

  async leave(room: string): Promise<void> {
    if (!this.rooms.delete(room) || this.closed) return;
    await this.subscriber.unsubscribe(this.roomPrefix + room).catch(() => {});
  }

  publish(room: string, message: BusMessage): void {
    if (this.closed) return;
    this.publisher.publish(this.roomPrefix + room, Buffer.from(encodeBusMessage(message))).catch((error: unknown) => {
      this.options.logger.warn({ err: error, room }, 'could not publish to Redis; other instances will catch up from the store');
    });
  }

  async publishEvent(event: LiveEvent): Promise<number> {
    await this.ready;
    return this.publisher.publish(this.eventsChannel, JSON.stringify(event));
  }

  onEvent(listener: (event: LiveEvent) => void): void {
    this.eventListeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rooms.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private receive(channel: string, data: Buffer): void {
    if (channel === this.eventsChannel) {
      const event = parseLiveEvent(data.toString());
      if (!event) {
        this.options.logger.warn('ignored a malformed live event from Redis');
        return;
      }
      for (const listener of this.eventListeners) listener(event);
      return;
    }
    if (!channel.startsWith(this.roomPrefix)) return;
    const listener = this.rooms.get(channel.slice(this.roomPrefix.length));
    if (!listener) return;
    let message: BusMessage;
    try {
      message = decodeBusMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      this.options.logger.warn({ err: error, channel }, 'ignored a malformed room message from Redis');
      return;
    }
    if (message.from === this.instanceId) return;
    listener(message);
  }
}
