/**
 * The rooms' store, with each update it appends timed and counted (`dong_soan_store_append_seconds`,
 * `dong_soan_updates_stored_total`) and each append it refuses counted (`…_store_append_failures_total`).
 * Measured at the store call itself, so the figure is the store's latency, whatever retries and queueing
 * the rooms add around it; the rooms' other calls pass through untouched.
 */
import type { DocumentStore } from '../storage/store.js';
import { stopwatch, type Metrics } from './metrics.js';

export function meterAppends(store: DocumentStore, metrics: Pick<Metrics, 'observeAppend' | 'countUpdate' | 'countAppendFailure'>): DocumentStore {
  const stored = (elapsed: () => number) => (seq: number) => {
    metrics.observeAppend(elapsed());
    metrics.countUpdate();
    return seq;
  };
  const refused = (error: unknown): never => {
    // Counted, not timed: a refusal's latency says nothing of the store's; the room logs and retries it.
    metrics.countAppendFailure();
    throw error;
  };
  // Not an async function: one promise per keystroke's append, not two.
  const appendUpdate: DocumentStore['appendUpdate'] = (room, update) => store.appendUpdate(room, update).then(stored(stopwatch()), refused);
  // Every other call passes through as it is (no proxy: a keystroke's append should not pay for one).
  return {
    appendUpdate,
    loadDocument: (room) => store.loadDocument(room),
    compactDocument: (room, merge) => store.compactDocument(room, merge),
    loadUpdatesAfter: (room, afterSeq) => store.loadUpdatesAfter(room, afterSeq),
  };
}
