/**
 * The rooms' store, with each update it appends timed and counted (`dong_soan_store_append_seconds`,
 * `dong_soan_updates_stored_total`) and each append it refuses counted (`…_store_append_failures_total`).
 * Measured at the store call itself, so the figure is the store's latency, whatever retries and queueing
 * the rooms add around it; everything else passes through untouched.
 */
import type { Store } from '../storage/store.js';
import { stopwatch, type Metrics } from './metrics.js';

export function meterAppends(store: Store, metrics: Pick<Metrics, 'observeAppend' | 'countUpdate' | 'countAppendFailure'>): Store {
  const appendUpdate: Store['appendUpdate'] = async (room, update) => {
    const elapsed = stopwatch();
    let seq: number;
    try {
      seq = await store.appendUpdate(room, update);
    } catch (error) {
      // Counted, not timed: a refusal's latency says nothing of the store's; the room logs and retries it.
      metrics.countAppendFailure();
      throw error;
    }
    metrics.observeAppend(elapsed());
    metrics.countUpdate();
    return seq;
  };
  // A proxy rather than a copy: the store is a class instance whose methods live on its prototype.
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendUpdate') return appendUpdate;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
