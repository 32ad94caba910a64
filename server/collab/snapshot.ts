/**
 * A room's new snapshot from what the store holds (its snapshot and the updates after it), built the
 * way a client would: applied in order to a fresh document, whose state is then encoded — which drops
 * the content of deletions (garbage collection), so the snapshot is as small as the document.
 */
import * as Y from 'yjs';

export function mergeIntoSnapshot(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    for (const part of parts) Y.applyUpdate(doc, part);
    // Something the log leans on is missing (it never should be: only complete updates are stored). Keep
    // every byte rather than let the encoding decide what of the pending part survives.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return Y.mergeUpdates([...parts]);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
