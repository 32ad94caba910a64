/**
 * A real store with faults a test can switch on per method: the next calls block until released, or
 * fail. For proving what the server does while the store is slow or refuses (issue 8).
 */
import type { Store } from '../../server/storage/store.js';

type Method = keyof Store;

/** A call held until the test lets it go (on to the real store) or makes it fail. */
export interface HeldCall {
  release(): void;
  fail(error?: Error): void;
}

export interface FaultyStore {
  store: Store;
  /** The next call of `method` waits; resolves with it once it is made. */
  holdNext(method: Method): Promise<HeldCall>;
  /** The next `count` calls of `method` fail. */
  failNext(method: Method, count?: number): void;
}

export function faultyStore(real: Store): FaultyStore {
  const holds = new Map<Method, Array<(call: HeldCall) => void>>();
  const failures = new Map<Method, number>();
  const store = new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = property as Method;
      return async (...args: unknown[]) => {
        const failing = failures.get(method) ?? 0;
        if (failing > 0) {
          failures.set(method, failing - 1);
          throw new Error(`injected failure of ${String(method)}`);
        }
        const waiter = holds.get(method)?.shift();
        if (waiter) {
          await new Promise<void>((resolve, reject) =>
            waiter({ release: resolve, fail: (error = new Error(`injected failure of ${String(method)}`)) => reject(error) }),
          );
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    holdNext: (method) =>
      new Promise((resolve) => {
        const list = holds.get(method) ?? [];
        list.push(resolve);
        holds.set(method, list);
      }),
    failNext: (method, count = 1) => failures.set(method, (failures.get(method) ?? 0) + count),
  };
}
