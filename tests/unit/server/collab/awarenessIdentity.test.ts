import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Identity } from '../../../../server/auth/identity.js';
import { isEchoOnly, stampAwareness } from '../../../../server/collab/awarenessIdentity.js';

const lan: Identity = {
  userId: 'u1', username: 'noivu', displayName: 'Lê Văn Nam', role: 'editor',
  departmentId: 'd1', departmentName: 'Phòng Nội vụ', sessionId: 's1',
};
const binh: Identity = { ...lan, userId: 'u2', displayName: 'Trần Văn Bình', sessionId: 's2' };

function updateWith(state: Record<string, unknown>): { update: Uint8Array; client: number; cleanup(): void } {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  return { update, client: doc.clientID, cleanup: () => { awareness.destroy(); doc.destroy(); } };
}

function statesOf(update: Uint8Array): unknown[] {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awarenessProtocol.applyAwarenessUpdate(awareness, update, null);
  const states = [...awareness.getStates().entries()].filter(([id]) => id !== doc.clientID).map(([, state]) => state);
  awareness.destroy();
  doc.destroy();
  return states;
}

describe('stampAwareness', () => {
  it('replaces a made-up name with the account’s, adds the department, keeps a hex colour and the cursor', () => {
    const { update, cleanup } = updateWith({ user: { name: 'Giám đốc', color: '#112233', evil: '<img>' }, cursor: { anchor: 1 } });
    const self = { identity: lan };
    const stamped = stampAwareness(update, lan, () => ({ owner: undefined, clock: undefined }), self);
    expect(statesOf(stamped)).toEqual([
      { user: { name: 'Lê Văn Nam', departmentName: 'Phòng Nội vụ', role: 'editor', color: '#112233' }, cursor: { anchor: 1 } },
    ]);
    cleanup();
  });

  it('drops a colour that is not a hex colour', () => {
    const { update, cleanup } = updateWith({ user: { color: 'red;background:url(x)' } });
    const [state] = statesOf(stampAwareness(update, lan, () => ({ owner: undefined, clock: undefined }), { identity: lan })) as Array<{ user: object }>;
    expect(state!.user).not.toHaveProperty('color');
    cleanup();
  });

  it('refuses an awareness id that another person’s connection speaks for, but not the same person’s', () => {
    const { update, cleanup } = updateWith({ user: {} });
    const other = { identity: binh };
    const sameUser = { identity: lan };
    expect(() => stampAwareness(update, lan, () => ({ owner: other, clock: undefined }), { identity: lan })).toThrow(/another person/);
    expect(() => stampAwareness(update, lan, () => ({ owner: sameUser, clock: undefined }), { identity: lan })).not.toThrow();
    cleanup();
  });

  it('drops the echo of another person’s state that y-websocket clients send back, keeping the rest', () => {
    const { update, client, cleanup } = updateWith({ user: {} });
    const other = { identity: binh };
    const echo = stampAwareness(update, lan, () => ({ owner: other, clock: 5 }), { identity: lan });
    expect(statesOf(echo)).toEqual([]);
    expect(() => stampAwareness(update, lan, () => ({ owner: other, clock: 0 }), { identity: lan })).toThrow(/another person/);
    expect(client).toBeGreaterThan(0);
    cleanup();
  });

  it('refuses malformed updates', () => {
    const none = () => ({ owner: undefined, clock: undefined });
    expect(() => stampAwareness(new Uint8Array([1, 5]), lan, none, { identity: lan })).toThrow();
    expect(() => stampAwareness(new Uint8Array([0, 9]), lan, none, { identity: lan })).toThrow(/trailing/);
  });
});

describe('isEchoOnly', () => {
  it('tells an update of nothing but states the room has from one with anything the room would apply', () => {
    const { update, client, cleanup } = updateWith({ user: { name: 'Bình' }, cursor: { anchor: 3 } });
    const clock = 1; // the clock `updateWith` gave it
    const knownAt = (knownClock: number | undefined) => (id: number) => (id === client ? knownClock : undefined);
    // The clock the room has, or an older one: an echo, whoever speaks for the id.
    expect(isEchoOnly(update, knownAt(clock))).toBe(true);
    expect(isEchoOnly(update, knownAt(clock + 5))).toBe(true);
    // Newer than the room's, or an id the room does not know: not an echo.
    expect(isEchoOnly(update, knownAt(clock - 1))).toBe(false);
    expect(isEchoOnly(update, knownAt(undefined))).toBe(false);
    // A removal with the room's clock is applied by y-protocols: not an echo.
    const ended = new Y.Doc();
    const endedAwareness = new awarenessProtocol.Awareness(ended);
    endedAwareness.setLocalState(null);
    const removalUpdate = awarenessProtocol.encodeAwarenessUpdate(endedAwareness, [ended.clientID]);
    const removalClock = endedAwareness.meta.get(ended.clientID)!.clock;
    expect(isEchoOnly(removalUpdate, (id) => (id === ended.clientID ? removalClock : undefined))).toBe(false);
    expect(isEchoOnly(removalUpdate, (id) => (id === ended.clientID ? removalClock + 1 : undefined))).toBe(true);
    endedAwareness.destroy();
    ended.destroy();
    // Empty, cut short or followed by stray bytes: not an echo (the usual path refuses it).
    expect(isEchoOnly(Uint8Array.of(0), knownAt(clock))).toBe(false);
    expect(isEchoOnly(update.slice(0, update.length - 2), knownAt(clock))).toBe(false);
    expect(isEchoOnly(Uint8Array.of(...update, 7), knownAt(clock))).toBe(false);
    cleanup();
  });
});
