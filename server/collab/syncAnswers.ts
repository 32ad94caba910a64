/**
 * Answers to sync requests (sync step 2), kept while the document does not change: new editors of a room
 * ask with the same state vector (empty, or the one they last saw), and encoding a large section again for
 * each of them is the costliest thing a room does.
 */
import * as Y from 'yjs';
import { STORED_ORIGIN } from '../storage/storedDocument.js';
import { encodeSyncStep2, encodeSyncStep2Of, encodeUpdate } from './messages.js';
import type { RoomDoc } from './roomDoc.js';

/** How many distinct state vectors are remembered per document version. */
const MAX_ENTRIES = 8;
/** State vectors longer than this (many writers) are answered without caching. */
const MAX_KEY_BYTES = 512;
/** The key of an empty state vector (no client, `[0]`): a brand-new editor's. */
const NOTHING_YET = Buffer.from([0]).toString('latin1');

export class SyncAnswers {
  private readonly answers = new Map<string, readonly Uint8Array[]>();
  /** After a transaction that changed the document (as Yjs judges whether to emit `update`). */
  private readonly clear = (transaction: Y.Transaction) => {
    // Putting the stored state in (roomDoc.ts) makes the document what an answer from the stored bytes says.
    if (this.answers.size === 0 || transaction.origin === STORED_ORIGIN) return;
    const { deleteSet, beforeState, afterState } = transaction;
    let changed = deleteSet.clients.size > 0;
    for (const [client, clock] of afterState) changed ||= beforeState.get(client) !== clock;
    if (changed) this.answers.clear();
  };

  constructor(private readonly doc: RoomDoc) {
    // Not `update`: listening to that makes Yjs encode every change again, which only the relay needs. Every
    // newcomer's sync step 2 is a transaction too (mostly of nothing): it must not throw the answers away.
    doc.shell.on('afterTransaction', this.clear);
  }

  /**
   * The messages that answer a client whose state vector is `stateVector`, to send in order: sync step 2,
   * and (for a brand-new editor of a room loaded with a log) an update after it.
   */
  answer(stateVector: Uint8Array): readonly Uint8Array[] {
    if (stateVector.byteLength > MAX_KEY_BYTES) return [encodeSyncStep2(this.doc.get(), stateVector)];
    const key = Buffer.from(stateVector).toString('latin1');
    let messages = this.answers.get(key);
    if (!messages) {
      const stored = key === NOTHING_YET ? this.doc.storedParts : null;
      messages = stored ? answerFromStore(stored) : [encodeSyncStep2(this.doc.get(), stateVector)];
      if (this.answers.size >= MAX_ENTRIES) this.answers.clear();
      this.answers.set(key, messages);
    }
    return messages;
  }

  destroy(): void {
    this.doc.shell.off('afterTransaction', this.clear);
    this.answers.clear();
  }
}

/**
 * A brand-new editor's answer from the stored bytes of a room whose document is not built yet — the snapshot
 * as it is in sync step 2, the log after it merged into one update — where building the document and
 * encoding a large section again took as long as loading it (issue 13, the cold join).
 */
function answerFromStore(parts: readonly Uint8Array[]): Uint8Array[] {
  const [first, ...rest] = parts;
  const messages = [encodeSyncStep2Of(first!)];
  if (rest.length > 0) messages.push(encodeUpdate(rest.length === 1 ? rest[0]! : Y.mergeUpdates(rest)));
  return messages;
}
