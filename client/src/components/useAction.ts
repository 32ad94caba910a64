/** A button's call to the server: whether it is running, and what went wrong the last time. */
import { useCallback, useRef, useState } from 'react';

/** The state of one action, and the function that runs it. */
export interface Action {
  pending: boolean;
  /** The last failure, cleared when the action runs again. */
  error: unknown;
  /**
   * Runs `work` unless the action is already running; resolves true when it succeeded. Failures are kept
   * in {@link Action.error}, never thrown.
   */
  run(work: () => Promise<unknown>): Promise<boolean>;
  /** Forgets the last failure. */
  clear(): void;
}

/** One action's state; a component holds one per independent button or form. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);

  const run = useCallback(async (work: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const clear = useCallback(() => setError(null), []);
  return { pending, error, run, clear };
}
