/**
 * A room's link to the store: appends its updates (retrying a failed write before giving up), keeps
 * count of the log since the last snapshot and compacts it when it grows.
 */
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import type { Store, StoredDocument } from '../storage/store.js';

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
    private readonly store: Store,
    private readonly room: string,
    stored: StoredDocument,
    private readonly options: PersistenceOptions,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.lastSeq = stored.lastSeq;
    this.sinceSnapshot = stored.updates.length;
  }

  /** Appends an update; resolves when it is durable, rejects after the retries are spent. */
  async append(update: Uint8Array): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.lastSeq = await this.store.appendUpdate(this.room, update);
        this.sinceSnapshot++;
        return;
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
   * Replaces the snapshot with the document's current state. Call it only when every update applied to
   * `doc` has been appended (in the room's queue), so the snapshot covers exactly the log up to lastSeq.
   */
  async compact(doc: Y.Doc): Promise<void> {
    if (!this.hasLog) return;
    await this.store.compactDocument(this.room, Y.encodeStateAsUpdate(doc), this.lastSeq);
    this.sinceSnapshot = 0;
  }
}
