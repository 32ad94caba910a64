/**
 * One round of the large-section sync of `--compare` against one server: a fresh room is filled with
 * `chars` characters while a keeper client stays connected (the plain server drops a room when its last
 * socket leaves), then brand-new editors are timed until they hold the whole section (bench/syncLarge.ts).
 *
 * Cold: the product is restarted on the same data dir and, once the new process is quiet, one editor joins:
 * the room is read from SQLite. The plain server has no store — a room it does not hold is empty — so its cold join is the
 * nearest thing: the first join after the filler's updates built the room, before its state was ever
 * encoded whole. Product ÷ plain cold is then the price of loading from the store (and of a fresh process).
 */
import { connectClient, type RoomEndpoint } from './client.js';
import type { SyncRound } from './compareReport.js';
import { fillSection, timeFreshSync } from './syncLarge.js';

export interface SyncRoundOptions {
  chars: number;
  /** Warm joins timed after the first (their median is the round's warm figure). */
  runs: number;
  /**
   * Restarts the server on the same store and returns its new endpoint, for the cold join; null for a
   * server without a store (its cold join is the first after the fill).
   */
  restart: (() => Promise<RoomEndpoint>) | null;
}

/** The round's timings, and the room and its text length (for one more cold join later on). */
export interface SyncRoundResult extends SyncRound {
  room: string;
  length: number;
}

export async function syncRound(endpoint: RoomEndpoint, room: string, options: SyncRoundOptions): Promise<SyncRoundResult> {
  const keeper = connectClient(endpoint, room);
  let keeperGone = false;
  const dropKeeper = () => {
    if (!keeperGone) keeper.destroy();
    keeperGone = true;
  };
  try {
    await keeper.synced();
    const length = await fillSection(endpoint, room, options.chars);
    const first = await timeFreshSync(endpoint, room, length);
    const warmMs: number[] = [];
    for (let run = 0; run < options.runs; run++) warmMs.push((await timeFreshSync(endpoint, room, length)).ms);
    let coldMs = first.ms;
    if (options.restart) {
      dropKeeper();
      const restarted = await options.restart();
      coldMs = (await timeFreshSync(restarted, room, length)).ms;
    }
    return { firstMs: first.ms, warmMs, coldMs, bytes: first.bytes, room, length };
  } finally {
    dropKeeper();
  }
}
