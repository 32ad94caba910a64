import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  MalformedMessageError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
} from '../../../../server/collab/messages.js';

/** A message as a y-websocket client builds it: the outer type, then whatever `write` adds. */
function clientMessage(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function docWithText(text: string, clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  return doc;
}

function decodeAs<T extends ClientMessage['type']>(data: Uint8Array, type: T): Extract<ClientMessage, { type: T }> {
  const message = decodeClientMessage(data);
  expect(message.type).toBe(type);
  return message as Extract<ClientMessage, { type: T }>;
}

describe('decodeClientMessage', () => {
  it('decodes sync step 1 into the client state vector', () => {
    const doc = docWithText('xin chào');
    const message = decodeAs(clientMessage(0, (e) => syncProtocol.writeSyncStep1(e, doc)), 'syncStep1');
    expect(message.stateVector).toEqual(Y.encodeStateVector(doc));
  });

  it('decodes sync step 1 of an empty document', () => {
    const doc = new Y.Doc();
    const message = decodeAs(clientMessage(0, (e) => syncProtocol.writeSyncStep1(e, doc)), 'syncStep1');
    expect(Y.decodeStateVector(message.stateVector).size).toBe(0);
  });

  it('decodes sync step 2 into an update that brings another document up to date', () => {
    const doc = docWithText('Báo cáo sơ kết');
    const message = decodeAs(clientMessage(0, (e) => syncProtocol.writeSyncStep2(e, doc)), 'syncStep2');
    const other = new Y.Doc();
    Y.applyUpdate(other, message.update);
    expect(other.getText('t').toString()).toBe('Báo cáo sơ kết');
  });

  it('decodes a document update byte for byte', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'một');
    const message = decodeAs(clientMessage(0, (e) => syncProtocol.writeUpdate(e, updates[0]!)), 'update');
    expect(message.update).toEqual(updates[0]);
  });

  it('decodes an awareness update that another Awareness can apply', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Lan', color: '#c00' });
    const data = clientMessage(1, (e) =>
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
    );
    const message = decodeAs(data, 'awareness');

    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(remote, message.update, 'test');
    expect(remote.getStates().get(doc.clientID)).toEqual({ user: { name: 'Lan', color: '#c00' } });
    awareness.destroy();
    remote.destroy();
  });

  it('decodes a query for awareness', () => {
    expect(decodeClientMessage(clientMessage(3))).toEqual({ type: 'queryAwareness' });
  });

  it('decodes a message that is a view into a larger buffer, as ws may deliver it', () => {
    const doc = docWithText('abc');
    const inner = clientMessage(0, (e) => syncProtocol.writeSyncStep1(e, doc));
    const pool = new Uint8Array(inner.length + 20).fill(0xff);
    pool.set(inner, 10);
    const message = decodeAs(pool.subarray(10, 10 + inner.length), 'syncStep1');
    expect(message.stateVector).toEqual(Y.encodeStateVector(doc));
  });

  it('decodes a Node Buffer', () => {
    const doc = docWithText('abc');
    const data = Buffer.from(clientMessage(0, (e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(decodeAs(data, 'syncStep1').stateVector).toEqual(Y.encodeStateVector(doc));
  });

  describe('rejects malformed input with MalformedMessageError', () => {
    const validUpdate = clientMessage(0, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(docWithText('x'))));

    it.each<[string, Uint8Array, RegExp]>([
      ['an empty message', new Uint8Array(), /truncated/],
      ['an unknown message type', Uint8Array.of(9), /unknown message type 9/],
      ['an auth message (type 2), which only the server sends', Uint8Array.of(2, 0), /unknown message type 2/],
      ['a bare auth type byte', Uint8Array.of(2), /unknown message type 2/],
      ['an unknown sync message type', Uint8Array.of(0, 7, 0), /unknown sync message type 7/],
      ['a sync message without its sync type', Uint8Array.of(0), /truncated/],
      ['sync step 1 without its state vector', Uint8Array.of(0, 0), /truncated/],
      ['an update shorter than its declared length', Uint8Array.of(0, 2, 5, 1, 2), /truncated/],
      ['an update whose declared length never ends', Uint8Array.of(0, 2, 0x80), /truncated/],
      ['an awareness message without its update', Uint8Array.of(1), /truncated/],
      ['a type that does not fit in a safe integer', Uint8Array.of(...new Uint8Array(10).fill(0xff), 1), /truncated/],
      ['a valid update followed by a stray byte', Uint8Array.of(...validUpdate, 0), /trailing bytes/],
      ['a query for awareness with a payload', Uint8Array.of(3, 0), /trailing bytes/],
      ['two messages in one frame', Uint8Array.of(3, 3), /trailing bytes/],
    ])('%s', (_what, data, message) => {
      expect(() => decodeClientMessage(data)).toThrow(MalformedMessageError);
      expect(() => decodeClientMessage(data)).toThrow(message);
    });

    it.each<[string, number[]]>([
      ['an empty byte string', []],
      ['a count with no entries', [5]],
      ['an entry without its clock', [1, 1]],
      ['a varint that never ends', [0xff]],
    ])('sync step 1 whose state vector is not one: %s', (_what, stateVector) => {
      // Otherwise the room fails later, answering it with encodeSyncStep2 (Y.encodeStateAsUpdate throws), and
      // closes the connection as a server error (1011) instead of 4400 (CONTRACT.md, "Rooms").
      const data = clientMessage(0, (e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(e, Uint8Array.from(stateVector));
      });
      expect(() => decodeClientMessage(data)).toThrow(MalformedMessageError);
    });

    it('every truncation of a sync step 2', () => {
      const whole = clientMessage(0, (e) => syncProtocol.writeSyncStep2(e, docWithText('một đoạn văn')));
      for (let length = 1; length < whole.length; length++) {
        expect(() => decodeClientMessage(whole.subarray(0, length)), `first ${length} bytes`).toThrow(
          MalformedMessageError,
        );
      }
    });

    it('a declared length that runs past the end of a view into a larger buffer, without reading beyond it', () => {
      const pool = new Uint8Array(64).fill(1);
      pool.set([0, 2, 10, 1, 2], 0);
      expect(() => decodeClientMessage(pool.subarray(0, 5))).toThrow(MalformedMessageError);
    });
  });

  it('throws an Error subclass named MalformedMessageError', () => {
    let caught: unknown;
    try {
      decodeClientMessage(new Uint8Array());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('MalformedMessageError');
  });
});

describe('server message encoders', () => {
  /** Reads a server message as a y-websocket client does, returning the reply (if any) it would send. */
  function clientReads(doc: Y.Doc, data: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(data);
    expect(decoding.readVarUint(decoder)).toBe(0);
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
    expect(decoding.hasContent(decoder)).toBe(false);
    return encoding.length(reply) > 1 ? encoding.toUint8Array(reply) : null;
  }

  it('encodes sync step 1 that a client answers with exactly what the server lacks', () => {
    const server = docWithText('chung', 1);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').insert(5, ' riêng');

    const reply = clientReads(client, encodeSyncStep1(server));
    const step2 = decodeAs(reply!, 'syncStep2');
    Y.applyUpdate(server, step2.update);
    expect(server.getText('t').toString()).toBe('chung riêng');
  });

  it('encodes sync step 1 that decodes back to the server state vector', () => {
    const server = docWithText('abc');
    expect(decodeAs(encodeSyncStep1(server), 'syncStep1').stateVector).toEqual(Y.encodeStateVector(server));
  });

  it('encodes sync step 2 that brings a client up to date from its state vector', () => {
    const server = docWithText('Kết quả khen thưởng');
    const client = new Y.Doc();
    expect(clientReads(client, encodeSyncStep2(server, Y.encodeStateVector(client)))).toBeNull();
    expect(client.getText('t').toString()).toBe('Kết quả khen thưởng');
  });

  it('encodes an update a client applies', () => {
    const source = docWithText('cập nhật');
    const client = new Y.Doc();
    clientReads(client, encodeUpdate(Y.encodeStateAsUpdate(source)));
    expect(client.getText('t').toString()).toBe('cập nhật');
  });

  it('encodes the awareness states of the given clients only', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Minh' });
    const message = decodeAs(encodeAwareness(awareness, [doc.clientID]), 'awareness');
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(remote, message.update, 'server');
    expect(remote.getStates().get(doc.clientID)).toEqual({ user: { name: 'Minh' } });
    awareness.destroy();
    remote.destroy();
  });
});
