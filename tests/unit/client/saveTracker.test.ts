/**
 * The save tracker (client/src/collab/saveTracker.ts): "saved" and "N thay đổi chưa gửi" are facts — a
 * change counts as sent only once the server answered a confirmation request sent after it — behind the
 * write gate, as connectRoom.ts wires them. Timers are faked: the debounce is driven, not waited for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { trackSaves, type SaveTracker, type UnsentKeeper } from '../../../client/src/collab/saveTracker.js';
import { gateWrites, type WriteGate } from '../../../client/src/collab/writeGate.js';
import { roomLink, textOf, TestSocket, type RoomLink } from './roomLink.js';

const FROM_COPY = Symbol('browser copy loading');
const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 2000;

interface TrackedRoom {
  link: RoomLink;
  gate: WriteGate;
  saves: SaveTracker;
}

describe('trackSaves', () => {
  const rooms: TrackedRoom[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    // The tracker checks the socket's state against the browser's WebSocket constants.
    vi.stubGlobal('WebSocket', TestSocket);
  });

  afterEach(() => {
    for (const { link, gate, saves } of rooms.splice(0)) {
      saves.destroy();
      gate.destroy();
      link.destroy();
    }
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A room wired as connectRoom.ts does: gate first, tracker around it; writable unless told otherwise. */
  function trackedRoom({ writable = true, keeper }: { writable?: boolean; keeper?: UnsentKeeper } = {}): TrackedRoom {
    const link = roomLink();
    const isLocalChange = (origin: unknown) => origin !== link.provider && origin !== FROM_COPY;
    const gate = gateWrites(link.provider, { isLocalChange, onReleased: () => saves.released() });
    const saves = trackSaves(link.provider, { isLocalChange, canSend: () => gate.writable, keeper, debounceMs: DEBOUNCE_MS, maxWaitMs: MAX_WAIT_MS });
    gate.setWritable(writable);
    const room = { link, gate, saves };
    rooms.push(room);
    return room;
  }

  /** Opens the socket and runs the sync both ways: the room is then 'synced'. */
  function connect({ link }: TrackedRoom): void {
    link.open();
    link.serverStep1();
    link.deliver(link.drain());
    link.serverStep2();
  }

  function type({ link }: TrackedRoom, text: string): void {
    const shared = link.doc.getText('text');
    shared.insert(shared.length, text);
  }

  /** Whether the client has sent a sync step 1 since the last look (the confirmation request). */
  function askedToConfirm({ link }: TrackedRoom): boolean {
    const sent = link.drain();
    link.deliver(sent);
    return sent.some((message) => message.type === 'step1');
  }

  it('counts each change as unsent until the server answers the confirmation request sent after it', () => {
    const room = trackedRoom();
    connect(room);
    expect(room.saves.status()).toMatchObject({ link: 'synced', unsent: 0, contentReady: true });
    type(room, 'Một');
    type(room, ' hai');
    expect(room.saves.status().unsent).toBe(2);
    expect(askedToConfirm(room)).toBe(false);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    expect(room.saves.status().unsent).toBe(2);
    room.link.serverStep2();
    expect(room.saves.status().unsent).toBe(0);
    expect(textOf(room.link.server)).toBe('Một hai');
  });

  it('does not let a confirmation count a change made after it was asked for', () => {
    const room = trackedRoom();
    connect(room);
    type(room, 'trước');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    type(room, ' sau');
    room.link.serverStep2();
    expect(room.saves.status().unsent).toBe(1);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    room.link.serverStep2();
    expect(room.saves.status().unsent).toBe(0);
  });

  it('asks for a confirmation within the longest wait, however long the typing goes on', () => {
    const room = trackedRoom();
    connect(room);
    let asked = false;
    for (let elapsed = 0; elapsed < MAX_WAIT_MS + DEBOUNCE_MS && !asked; elapsed += DEBOUNCE_MS / 2) {
      type(room, '.');
      vi.advanceTimersByTime(DEBOUNCE_MS / 2);
      asked = askedToConfirm(room);
    }
    expect(asked).toBe(true);
  });

  it('counts neither the server’s changes nor a browser copy loading', () => {
    const room = trackedRoom();
    connect(room);
    const other = new Y.Doc();
    other.getText('text').insert(0, 'của người khác');
    Y.applyUpdate(room.link.doc, Y.encodeStateAsUpdate(other), room.link.provider);
    other.getText('text').insert(0, 'từ bản lưu ');
    Y.applyUpdate(room.link.doc, Y.encodeStateAsUpdate(other), FROM_COPY);
    other.destroy();
    expect(room.saves.status().unsent).toBe(0);
  });

  it('does not count changes made while the room is read-only: the gate holds them back, nothing waits to be sent', () => {
    const room = trackedRoom({ writable: false });
    connect(room);
    type(room, 'không được gửi');
    expect(room.saves.status().unsent).toBe(0);
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(askedToConfirm(room)).toBe(false);
  });

  it('sends changes made offline with the next connection and asks for confirmation only after they went out', () => {
    const room = trackedRoom();
    connect(room);
    room.link.closeSocket();
    expect(room.saves.status().link).toBe('reconnecting');
    type(room, 'khi mất kết nối');
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(room.saves.status().unsent).toBe(1);

    room.link.open();
    vi.advanceTimersByTime(MAX_WAIT_MS);
    // Only the provider's own step 1 of the new socket: no confirmation before the changes are sent.
    expect(room.link.drain().map((message) => message.type)).toEqual(['step1']);
    room.link.serverStep1();
    room.link.deliver(room.link.drain());
    expect(textOf(room.link.server)).toBe('khi mất kết nối');
    room.link.serverStep2();
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    room.link.serverStep2();
    expect(room.saves.status()).toMatchObject({ link: 'synced', unsent: 0 });
  });

  it('does not ask for a confirmation on a new socket before its answer to the server’s step 1 went out', () => {
    const room = trackedRoom();
    connect(room);
    room.link.closeSocket();
    type(room, 'khi mất kết nối');
    room.link.open();
    // The server's answer to the client's step 1 comes before its own step 1: the room is synced, but the
    // offline change has not gone out yet, so a confirmation now would confirm nothing of it.
    room.link.serverStep2();
    expect(room.saves.status().link).toBe('synced');
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(room.link.drain().map((message) => message.type)).toEqual(['step1']);
    room.link.serverStep1();
    vi.advanceTimersByTime(0);
    const sent = room.link.drain();
    expect(sent.map((message) => message.type)).toEqual(['step2', 'step1']);
    room.link.deliver(sent);
    room.link.serverStep2();
    expect(room.saves.status().unsent).toBe(0);
    expect(textOf(room.link.server)).toBe('khi mất kết nối');
  });

  it('forgets a confirmation whose socket closed before the answer, and asks again on the next one', () => {
    const room = trackedRoom();
    connect(room);
    type(room, 'đang lưu');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    room.link.closeSocket();
    connect(room);
    expect(room.saves.status().unsent).toBe(1);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    room.link.serverStep2();
    expect(room.saves.status().unsent).toBe(0);
  });

  it('says closed when the server refused the room for good', () => {
    const room = trackedRoom();
    connect(room);
    room.link.closeSocket(4403);
    expect(room.saves.status().link).toBe('closed');
  });

  it('carries over what a browser copy kept, shows its content at once, and has it confirmed once connected', () => {
    const keeper = { keepUnsent: vi.fn(() => Promise.resolve()), markSynced: vi.fn() };
    const room = trackedRoom({ keeper });
    room.saves.carryOver({ unsent: 3, syncedBefore: true });
    expect(room.saves.status()).toEqual({ link: 'connecting', unsent: 3, keptLocally: true, contentReady: true });
    connect(room);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(askedToConfirm(room)).toBe(true);
    room.link.serverStep2();
    expect(room.saves.status().unsent).toBe(0);
    // The room had synced before: the copy already says so.
    expect(keeper.markSynced).not.toHaveBeenCalled();
  });

  it('says the unsent changes are kept on this computer only once the browser copy has stored them', async () => {
    let store = () => {};
    const keeper = {
      keepUnsent: vi.fn(() => new Promise<void>((resolve) => (store = resolve))),
      markSynced: vi.fn(),
    };
    const room = trackedRoom({ keeper });
    connect(room);
    expect(keeper.markSynced).toHaveBeenCalledTimes(1);
    room.link.closeSocket();
    type(room, 'ngoại tuyến');
    expect(room.saves.status()).toMatchObject({ unsent: 1, keptLocally: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(keeper.keepUnsent).toHaveBeenLastCalledWith(1);
    store();
    await vi.advanceTimersByTimeAsync(0);
    expect(room.saves.status()).toMatchObject({ unsent: 1, keptLocally: true });
  });

  it('says nothing is kept on this computer for a room without a browser copy', () => {
    const room = trackedRoom();
    connect(room);
    room.link.closeSocket();
    type(room, 'không có bản lưu');
    expect(room.saves.status()).toMatchObject({ unsent: 1, keptLocally: false });
  });
});
