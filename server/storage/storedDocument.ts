/** A room's document rebuilt from what the store holds: its snapshot, then its update log, in order. */
import * as Y from 'yjs';
import type { StoredDocument } from './store.js';

/** A fresh `Y.Doc` holding `stored`; the caller destroys it. */
export function docFromStored(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
