/** What instances send each other (issue 11): room messages round-trip; hostile live events are dropped. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBusMessage, encodeBusMessage, type BusMessage } from '../../../../server/scale/busMessages.js';
import { parseLiveEvent } from '../../../../server/scale/liveEvents.js';

describe('bus messages', () => {
  it('decode to what was encoded, bytes and all', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Báo cáo sơ kết');
    const messages: BusMessage[] = [
      { kind: 'update', from: 'máy-1', seq: 70_000, sentAt: 1_767_000_000_000, update: Y.encodeStateAsUpdate(doc) },
      { kind: 'awareness', from: 'máy-2', update: Uint8Array.of(1, 2, 3) },
      { kind: 'awarenessQuery', from: 'máy-3' },
    ];
    for (const message of messages) expect(decodeBusMessage(encodeBusMessage(message))).toEqual(message);
  });

  it('refuses what is not one', () => {
    expect(() => decodeBusMessage(Uint8Array.of(9, 0))).toThrow();
    expect(() => decodeBusMessage(Uint8Array.of(0, 1, 65))).toThrow();
    expect(() => decodeBusMessage(new Uint8Array())).toThrow();
  });
});

describe('live events', () => {
  const base = { request: 'r1', from: 'i1' };

  it('reads each kind', () => {
    const events = [
      { kind: 'ownership', reportId: 'bc1', ...base },
      { kind: 'sessionEnded', sessionId: 'abc', ...base },
      { kind: 'account', who: { userId: 'u1' }, change: 'rights', ...base },
      { kind: 'account', who: { departmentId: 'd1' }, change: 'ended', ...base },
      { kind: 'frozen', reportId: 'bc1', frozen: true, ...base },
      { kind: 'reportDeleted', reportId: 'bc1', code: 4404, reason: 'deleted', ...base },
      { kind: 'done', ...base },
    ];
    for (const event of events) expect(parseLiveEvent(JSON.stringify(event))).toEqual(event);
  });

  it('drops malformed or hostile events instead of acting on them', () => {
    for (const text of [
      'not json',
      'null',
      '[]',
      JSON.stringify({ kind: 'ownership', reportId: 'bc1' }),
      JSON.stringify({ kind: 'account', who: {}, change: 'rights', ...base }),
      JSON.stringify({ kind: 'account', who: { userId: 'u1' }, change: 'everything', ...base }),
      JSON.stringify({ kind: 'frozen', reportId: 'bc1', frozen: 'yes', ...base }),
      JSON.stringify({ kind: 'shutdown', ...base }),
      JSON.stringify({ kind: 'sessionEnded', sessionId: 'x'.repeat(10_000), ...base }),
    ]) {
      expect(parseLiveEvent(text)).toBeNull();
    }
  });
});
