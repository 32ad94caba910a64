/**
 * What instances tell each other about a room through the bus (issue 11): a stored update with its
 * sequence number, a change of presence, or a request for everyone's presence (an instance that just
 * loaded the room). Binary, with lib0's encoding like the room protocol itself: updates are not base64'd.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type BusMessage =
  /** An update stored under `seq` by instance `from`, published at `sentAt` (ms since the epoch). */
  | { kind: 'update'; from: string; seq: number; sentAt: number; update: Uint8Array }
  /** Presence changed by connections of instance `from` (an awareness update, already stamped). */
  | { kind: 'awareness'; from: string; update: Uint8Array }
  /** Instance `from` loaded the room: everyone sends the presence of their own connections. */
  | { kind: 'awarenessQuery'; from: string };

const KIND = { update: 0, awareness: 1, awarenessQuery: 2 } as const;

export function encodeBusMessage(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND[message.kind]);
  encoding.writeVarString(encoder, message.from);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint(encoder, message.sentAt);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awarenessQuery':
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a message; throws on anything malformed (the bus drops it and logs). */
export function decodeBusMessage(data: Uint8Array): BusMessage {
  const decoder = decoding.createDecoder(data);
  const kind = decoding.readVarUint(decoder);
  const from = decoding.readVarString(decoder);
  switch (kind) {
    case KIND.update:
      return {
        kind: 'update',
        from,
        seq: decoding.readVarUint(decoder),
        sentAt: decoding.readVarUint(decoder),
        update: decoding.readVarUint8Array(decoder),
      };
    case KIND.awareness:
      return { kind: 'awareness', from, update: decoding.readVarUint8Array(decoder) };
    case KIND.awarenessQuery:
      return { kind: 'awarenessQuery', from };
    default:
      throw new Error(`unknown bus message kind ${kind}`);
  }
}
