/**
 * A room's link to the store: appends its updates (retrying a failed write before giving up), keeps
 * count of the log since the last snapshot and has the store compact it when it grows.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DocumentStore, StoredDocument } from '../storage/store.js';
import { mergeIntoSnapshot } from './snapshot.js';

export interface PersistenceOptions {
  /** Compact once this many updates have been appended since the last snapshot. */
  compactEvery: number;
  /** Delays between attempts when the store refuses a write, in ms; then the write fails. */
  retryDelaysMs: readonly number[];
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RoomPersistence {
  private lastSeq: number;
  private sinceSnapshot: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly room: string,
    stored: StoredDocument,
    private readonly options: PersistenceOptions,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.lastSeq = stored.lastSeq;
    this.sinceSnapshot = stored.updates.length;
  }

  /** Appends an update; resolves to its sequence number once durable, rejects after the retries are spent. */
  async append(update: Uint8Array): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.lastSeq = await this.store.appendUpdate(this.room, update);
        this.sinceSnapshot++;
        return this.lastSeq;
      } catch (error) {
        const delay = this.options.retryDelaysMs[attempt];
        if (delay === undefined) throw error;
        this.logger.warn({ err: error, room: this.room, attempt }, 'storing an update failed; retrying');
        await wait(delay);
      }
    }
  }

  /** True when the log has grown enough to be folded into a snapshot. */
  get shouldCompact(): boolean {
    return this.sinceSnapshot >= this.options.compactEvery;
  }

  /** True when the log holds anything the snapshot does not. */
  get hasLog(): boolean {
    return this.sinceSnapshot > 0;
  }

  /**
   * Folds the stored log into the snapshot, from the store's own bytes (snapshot.ts): never from this
   * room's memory, which may lack an update another instance appended.
   */
  async compact(): Promise<void> {
    if (!this.hasLog) return;
    await this.store.compactDocument(this.room, mergeIntoSnapshot);
    this.sinceSnapshot = 0;
  }
}
