/**
 * Whether the report page has opened: every room synced once (the save state left "connecting"), or the
 * rooms took longer than {@link OPENING_GRACE_MS}. Until then the page leaves out what it can show later —
 * the form checker, the signing and version panels, the review sidebar, the editors of what the person only
 * reads (useIdleMount.ts) — so that their code, their requests and their rendering do not compete with the
 * person's own section becoming editable (issue 12, item 7: measured with bench --open, bench/README.md
 * "Opening a report").
 */
import { useEffect, useState } from 'react';
import type { OverallStatus } from './saveState.js';

/** How long the panels wait for the rooms at most: a room that cannot sync must not hide them for good. */
export const OPENING_GRACE_MS = 3_000;

/** True from the first moment the page's rooms have all synced (or were given up on for now); stays true. */
export function useOpened(status: OverallStatus): boolean {
  // 'reconnecting' is also the state while some rooms have not synced yet; 'offline' will not change soon.
  const settled = status.state === 'saved' || status.state === 'saving' || status.state === 'offline';
  const [opened, setOpened] = useState(settled);
  if (settled && !opened) setOpened(true);

  useEffect(() => {
    if (opened) return;
    const timer = window.setTimeout(() => setOpened(true), OPENING_GRACE_MS);
    return () => window.clearTimeout(timer);
  }, [opened]);

  return opened;
}
