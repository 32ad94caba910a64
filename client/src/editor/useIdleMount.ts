/**
 * When to build an editor (issue 12, item 7). Building one — TipTap, ProseMirror's view, the Yjs binding,
 * every node view — is the largest piece of work of opening a report, and the browser does nothing else
 * meanwhile: not even deliver the answers that make the person's own section editable (its room's socket,
 * its browser copy). So the editors the person writes are built at once, and the others — read-only, there to
 * be read — once the page has opened (useOpened.ts), each in its own idle moment so that typing stays
 * responsive while they are built. (A writable section's editor also opens its room's write gate, so those
 * are never deferred.) Measured with bench --open (bench/README.md, "Opening a report").
 */
import { useEffect, useState } from 'react';

/** How long a deferred editor waits for an idle moment at most. */
const IDLE_TIMEOUT_MS = 1_000;

/** Calls `run` when the browser is idle (or after a short delay where it cannot tell); returns the cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(run, 0);
  return () => window.clearTimeout(timer);
}

/**
 * Whether the editor may be built: at once when `urgent` (the person writes there), else from the first
 * idle moment after `allowed` (the page opened). Stays true once true.
 */
export function useIdleMount(urgent: boolean, allowed: boolean): boolean {
  const [mounted, setMounted] = useState(urgent);
  if (urgent && !mounted) setMounted(true);

  useEffect(() => {
    if (mounted || !allowed) return;
    return whenIdle(() => setMounted(true));
  }, [mounted, allowed]);

  return mounted;
}
