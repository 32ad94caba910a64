/** y-websocket messages as a client sends them, built by hand for raw sockets (tests of bad or heavy input). */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** A sync "update" message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A sync request (sync step 1) with `doc`'s state vector; an empty document asks for everything. */
export function syncRequest(doc: Y.Doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** An awareness message with the state `awareness` holds of `client` (its own local state by default). */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, client = awareness.clientID): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [client]));
  return encoding.toUint8Array(encoder);
}

/** True for a sync step 2 message (the server's answer to a sync request). */
export function isSyncAnswer(data: Uint8Array): boolean {
  return data[0] === 0 && data[1] === syncProtocol.messageYjsSyncStep2;
}

/**
 * The document update a server's message carries: a sync step 2 (`answer`) or a relayed `update`; null for
 * any other message.
 */
export function carriedUpdate(data: Uint8Array, kind: 'answer' | 'update'): Uint8Array | null {
  const decoder = decoding.createDecoder(data);
  const syncType = kind === 'answer' ? syncProtocol.messageYjsSyncStep2 : syncProtocol.messageYjsUpdate;
  if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncType) return null;
  return decoding.readVarUint8Array(decoder);
}
