/** A room's document rebuilt from what the store holds: its snapshot, then its update log, in order. */
import * as Y from 'yjs';
import type { StoredDocument } from './store.js';

/** The origin of the transaction that puts the stored state into a document ({@link applyStored}). */
export const STORED_ORIGIN = Symbol('stored state');

/** Applies `stored` to `doc` in one transaction whose origin is {@link STORED_ORIGIN}. */
export function applyStored(doc: Y.Doc, stored: StoredDocument): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  }, STORED_ORIGIN);
}

/** A fresh `Y.Doc` holding `stored`; the caller destroys it. */
export function docFromStored(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  return doc;
}
