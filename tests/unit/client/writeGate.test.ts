/**
 * The write gate's decisions (client/src/collab/writeGate.ts): while a room is read-only nothing of the
 * person's own reaches the server — not their updates, not the step 2 answer to the server's step 1 — and
 * what was held back goes out, once, when the room becomes writable.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { gateWrites, type WriteGate } from '../../../client/src/collab/writeGate.js';
import { roomLink, textOf, type RoomLink } from './roomLink.js';

const FROM_COPY = Symbol('browser copy loading');

describe('gateWrites', () => {
  const links: RoomLink[] = [];
  afterEach(() => {
    for (const link of links.splice(0)) link.destroy();
  });

  /** A room with its gate; origins other than FROM_COPY and the provider are the person's own changes. */
  function gatedRoom(): { link: RoomLink; gate: WriteGate; onReleased: () => void } {
    const link = roomLink();
    links.push(link);
    const onReleased = vi.fn<() => void>();
    const gate = gateWrites(link.provider, { isLocalChange: (origin) => origin !== link.provider && origin !== FROM_COPY, onReleased });
    return { link, gate, onReleased };
  }

  it('starts read-only and sends none of the person’s updates', () => {
    const { link, gate } = gatedRoom();
    link.open();
    link.serverStep1();
    link.drain();
    link.doc.getText('text').insert(0, 'gõ khi chỉ được xem');
    expect(gate.writable).toBe(false);
    expect(link.drain()).toEqual([]);
  });

  it('answers the server’s step 1 with an empty update while read-only, even when the document holds edits', () => {
    const { link } = gatedRoom();
    link.doc.getText('text').insert(0, 'soạn khi mất kết nối');
    link.open();
    link.serverStep1();
    const answers = link.drain().filter((message) => message.type === 'step2');
    expect(answers).toHaveLength(1);
    link.deliver(answers);
    expect(textOf(link.server)).toBe('');
    expect(link.server.store.clients.size).toBe(0);
  });

  it('sends what was held back as one update when the room becomes writable, then asks for confirmation', () => {
    const { link, gate, onReleased } = gatedRoom();
    link.doc.getText('text').insert(0, 'Một. ');
    link.open();
    link.serverStep1();
    link.doc.getText('text').insert(5, 'Hai.');
    link.deliver(link.drain());
    expect(textOf(link.server)).toBe('');

    gate.setWritable(true);
    const released = link.drain();
    expect(released.map((message) => message.type)).toEqual(['update']);
    link.deliver(released);
    expect(textOf(link.server)).toBe('Một. Hai.');
    expect(onReleased).toHaveBeenCalledTimes(1);

    // From now on each edit goes out as it is made.
    link.doc.getText('text').insert(9, ' Ba.');
    const next = link.drain();
    expect(next.map((message) => message.type)).toEqual(['update']);
    link.deliver(next);
    expect(textOf(link.server)).toBe('Một. Hai. Ba.');
    expect(onReleased).toHaveBeenCalledTimes(1);
  });

  it('keeps what the server already has out of the released update', () => {
    const { link, gate } = gatedRoom();
    link.server.getText('text').insert(0, 'của máy chủ');
    link.open();
    link.serverStep1();
    link.serverStep2();
    link.doc.getText('text').insert(0, '+');
    link.drain();
    gate.setWritable(true);
    const [released] = link.drain();
    const alone = new Y.Doc();
    Y.applyUpdate(alone, released!.payload);
    // Only the new character: the server's text, which the client got from it, is not sent back.
    expect(alone.getText('text').length).toBe(0);
    expect(Y.decodeUpdate(released!.payload).structs.map((struct) => struct.length)).toEqual([1]);
    alone.destroy();
  });

  it('answers the step 1 in full once writable, with what was typed before connecting', () => {
    const { link, gate, onReleased } = gatedRoom();
    link.doc.getText('text').insert(0, 'gõ trước khi kết nối');
    gate.setWritable(true);
    // Not connected: nothing to send yet, the next step 2 answer carries it.
    expect(onReleased).not.toHaveBeenCalled();
    link.open();
    link.serverStep1();
    link.deliver(link.drain());
    expect(textOf(link.server)).toBe('gõ trước khi kết nối');
  });

  it('holds back nothing for changes that are not the person’s own: the server’s, or a browser copy loading', () => {
    const { link, gate, onReleased } = gatedRoom();
    link.open();
    const fromCopy = new Y.Doc();
    fromCopy.getText('text').insert(0, 'đã gửi từ trước');
    Y.applyUpdate(link.doc, Y.encodeStateAsUpdate(fromCopy), FROM_COPY);
    fromCopy.destroy();
    link.drain();
    gate.setWritable(true);
    expect(link.drain()).toEqual([]);
    expect(onReleased).not.toHaveBeenCalled();
  });

  it('holds back again when the room becomes read-only once more', () => {
    const { link, gate } = gatedRoom();
    link.open();
    gate.setWritable(true);
    link.serverStep1();
    link.drain();
    gate.setWritable(false);
    link.doc.getText('text').insert(0, 'sau khi mất quyền');
    expect(link.drain()).toEqual([]);
    link.serverStep1();
    const [answer] = link.drain();
    expect(answer?.type).toBe('step2');
    link.deliver([answer!]);
    expect(textOf(link.server)).toBe('');
  });

  it('gives the provider its own sync handler back when destroyed', () => {
    const { link, gate } = gatedRoom();
    const before = link.provider.messageHandlers.slice();
    const gateFor = gateWrites(link.provider, { isLocalChange: () => true, onReleased: () => {} });
    expect(link.provider.messageHandlers).not.toEqual(before);
    gateFor.destroy();
    expect(link.provider.messageHandlers).toEqual(before);
    gate.destroy();
  });
});
