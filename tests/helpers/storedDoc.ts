/** What the server's store holds for a room, rebuilt as the room itself does when it loads. */
import type * as Y from 'yjs';
import { docFromStored } from '../../server/storage/storedDocument.js';
import type { Store } from '../../server/storage/store.js';
import { sectionText } from './sectionText.js';

/** A fresh `Y.Doc` of the room as stored; the caller destroys it. */
export async function storedDoc(store: Pick<Store, 'loadDocument'>, room: string): Promise<Y.Doc> {
  return docFromStored(await store.loadDocument(room));
}

/** The section text the store holds for a room. */
export async function storedText(store: Pick<Store, 'loadDocument'>, room: string): Promise<string> {
  const doc = await storedDoc(store, room);
  try {
    return sectionText(doc);
  } finally {
    doc.destroy();
  }
}
