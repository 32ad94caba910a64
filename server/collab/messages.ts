/**
 * The y-websocket wire format (y-protocols): decoding what a client sends into typed messages, and
 * encoding what the server sends. Anything that does not decode exactly is malformed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Outer message types of y-websocket. */
const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** A message a client may send, decoded. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  /** `message`: the whole message received — exactly what relaying `update` as it is sends. */
  | { type: 'update'; update: Uint8Array; message: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

/** Thrown for bytes that are not one well-formed client message. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

function readSync(decoder: decoding.Decoder, data: Uint8Array): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      // Decoded here so a broken one is the client's fault (4400), not a failure of the room later.
      Y.decodeStateVector(stateVector);
      return { type: 'syncStep1', stateVector };
    }
    case syncProtocol.messageYjsSyncStep2:
      return { type: 'syncStep2', update: decoding.readVarUint8Array(decoder) };
    case syncProtocol.messageYjsUpdate:
      return { type: 'update', update: decoding.readVarUint8Array(decoder), message: data };
    default:
      throw new MalformedMessageError(`unknown sync message type ${syncType}`);
  }
}

function read(decoder: decoding.Decoder, data: Uint8Array): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync:
      return readSync(decoder, data);
    case MessageType.awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' };
    default:
      // Includes `auth` (2): only the server sends it.
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

/** Decodes one client message; throws {@link MalformedMessageError} for anything else. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  let message: ClientMessage;
  try {
    message = read(decoder, data);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError('truncated message');
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message');
  return message;
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying `update` as it is: what a client lacks when `update` is all of it. */
export function encodeSyncStep2Of(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A document update to relay. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The awareness states of `clients`. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
