import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../../common/closeCodes.js';
import type { Connection } from '../../../../server/collab/connection.js';
import type { Verdict } from '../../../../server/collab/room.js';
import type { RoomRegistry } from '../../../../server/collab/roomRegistry.js';
import { checkSessions, type SessionLiveness } from '../../../../server/collab/sessionWatch.js';

/** Just enough of a connection for the watch: its session, whether it wrote, its access. */
function connection(sessionId: string, wrote: boolean): Connection {
  return { identity: { sessionId }, wrote, access: 'write' } as unknown as Connection;
}

/** A registry of one room holding `connections`; records the verdicts the watch gives them. */
function registryOf(connections: Connection[]): { registry: RoomRegistry; verdicts: Map<Connection, Verdict> } {
  const verdicts = new Map<Connection, Verdict>();
  const room = {
    connections: new Set(connections),
    reauthorise: async (decide: (c: Connection) => Verdict) => {
      for (const c of connections) verdicts.set(c, decide(c));
    },
  };
  return { registry: { liveRooms: () => [room] } as unknown as RoomRegistry, verdicts };
}

describe('checkSessions', () => {
  it('counts writing in a room as use of the session, once per pass, and resets the mark', async () => {
    const typing = connection('dang-go', true);
    const alsoTyping = connection('dang-go', false);
    const reading = connection('chi-doc', false);
    const { registry } = registryOf([typing, alsoTyping, reading]);
    const marked: string[] = [];
    const sessions: SessionLiveness = { isLive: async () => true, markActive: async (id) => void marked.push(id) };
    await checkSessions(registry, sessions);
    expect(marked).toEqual(['dang-go']);
    expect(typing.wrote).toBe(false);
    await checkSessions(registry, sessions);
    expect(marked).toEqual(['dang-go']);
  });

  it('closes every connection of a session that is no longer live with 4401, and no other', async () => {
    const ended = connection('het-han', false);
    const live = connection('con-han', false);
    const { registry, verdicts } = registryOf([ended, live]);
    await checkSessions(registry, { isLive: async (id) => id !== 'het-han', markActive: async () => undefined });
    expect(verdicts.get(ended)).toMatchObject({ close: CloseCode.sessionEnded });
    expect(verdicts.get(live)).toBe('write');
  });
});
