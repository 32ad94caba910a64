/**
 * The accounts-and-sessions part of the Store contract (called by describeStoreContract in
 * storeContract.ts, so every implementation runs it): expired sessions are deleted by age, and no change
 * leaves the workspace without an enabled admin (issue 8).
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../common/access.js';
import { LastAdminError, type SessionRecord, type Store, type UserRecord } from '../../../server/storage/store.js';

function user(id: string, role: Role, disabled = false): UserRecord {
  return {
    id,
    username: id,
    displayName: `Người ${id}`,
    role,
    departmentId: null,
    disabled,
    passwordHash: 'scrypt$1$1$1$AAAA$AAAA',
    createdAt: '2025-03-01T08:00:00.000Z',
  };
}

function session(id: string, userId: string, createdAt: string, lastSeenAt: string): SessionRecord {
  return { id, userId, createdAt, lastSeenAt };
}

/** Registers the tests; `store()` is the fresh store of the current test. */
export function describeAccountStoreContract(store: () => Store): void {
  describe('sessions', () => {
    it('keeps a session until it is deleted, and moves its last-seen time when touched', async () => {
      await store().createUser(user('u1', 'editor'));
      const record = session('s1', 'u1', '2025-03-01T08:00:00.000Z', '2025-03-01T08:00:00.000Z');
      await store().createSession(record);
      expect(await store().getSession('s1')).toEqual(record);
      await store().touchSession('s1', '2025-03-01T09:30:00.000Z');
      expect(await store().getSession('s1')).toEqual({ ...record, lastSeenAt: '2025-03-01T09:30:00.000Z' });
      await store().deleteSession('s1');
      expect(await store().getSession('s1')).toBeNull();
    });

    it("deletes every session of one user, and only that user's", async () => {
      await store().createUser(user('u1', 'editor'));
      await store().createUser(user('u2', 'editor'));
      const at = '2025-03-01T08:00:00.000Z';
      for (const [id, owner] of [['a', 'u1'], ['b', 'u1'], ['c', 'u2']] as const) await store().createSession(session(id, owner, at, at));
      await store().deleteUserSessions('u1');
      expect(await store().getSession('a')).toBeNull();
      expect(await store().getSession('b')).toBeNull();
      expect(await store().getSession('c')).not.toBeNull();
    });

    it('deletes the sessions idle since before one time or started before another, and counts them', async () => {
      await store().createUser(user('u1', 'editor'));
      const sessions = [
        session('idle', 'u1', '2025-03-05T08:00:00.000Z', '2025-03-05T09:59:59.999Z'),
        session('old', 'u1', '2025-02-28T23:59:59.999Z', '2025-03-05T11:00:00.000Z'),
        session('both', 'u1', '2025-02-01T08:00:00.000Z', '2025-02-01T08:00:00.000Z'),
        // Exactly at either limit is not before it: kept.
        session('edge', 'u1', '2025-03-01T00:00:00.000Z', '2025-03-05T10:00:00.000Z'),
        session('fresh', 'u1', '2025-03-05T08:00:00.000Z', '2025-03-05T11:30:00.000Z'),
      ];
      for (const record of sessions) await store().createSession(record);
      expect(await store().deleteExpiredSessions('2025-03-05T10:00:00.000Z', '2025-03-01T00:00:00.000Z')).toBe(3);
      for (const id of ['idle', 'old', 'both']) expect(await store().getSession(id), id).toBeNull();
      for (const id of ['edge', 'fresh']) expect(await store().getSession(id), id).not.toBeNull();
      expect(await store().deleteExpiredSessions('2025-03-05T10:00:00.000Z', '2025-03-01T00:00:00.000Z')).toBe(0);
    });
  });

  describe('the last enabled admin', () => {
    it('refuses to demote or disable the only enabled admin, changing nothing', async () => {
      await store().createUser(user('admin', 'admin'));
      await store().createUser(user('former', 'admin', true));
      await expect(store().updateUser('admin', { role: 'office' })).rejects.toBeInstanceOf(LastAdminError);
      await expect(store().updateUser('admin', { disabled: true, displayName: 'X' })).rejects.toBeInstanceOf(LastAdminError);
      expect(await store().getUser('admin')).toEqual(user('admin', 'admin'));
      // Other changes to it are fine.
      expect((await store().updateUser('admin', { displayName: 'Quản trị' }))?.displayName).toBe('Quản trị');
    });

    it('lets one of two admins go, then keeps the other', async () => {
      await store().createUser(user('a1', 'admin'));
      await store().createUser(user('a2', 'admin'));
      expect((await store().updateUser('a1', { disabled: true }))?.disabled).toBe(true);
      await expect(store().updateUser('a2', { role: 'chair' })).rejects.toBeInstanceOf(LastAdminError);
      // Enabling the first again makes the second free to go.
      await store().updateUser('a1', { disabled: false });
      expect((await store().updateUser('a2', { role: 'chair' }))?.role).toBe('chair');
    });

    it('lets exactly one of two admins demoting each other at once succeed', async () => {
      await store().createUser(user('a0', 'admin'));
      // Several rounds, each between the one admin left and a new one: however the two changes interleave.
      for (let round = 1; round <= 5; round++) {
        await store().createUser(user(`a${round}`, 'admin'));
        const enabled = async () => (await store().listUsers()).filter((record) => record.role === 'admin' && !record.disabled);
        const [first, second] = (await enabled()).map((record) => record.id);
        const results = await Promise.allSettled([store().updateUser(first!, { role: 'office' }), store().updateUser(second!, { disabled: true })]);
        expect(results.filter((result) => result.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
        const refused = results.find((result) => result.status === 'rejected');
        expect(refused?.reason).toBeInstanceOf(LastAdminError);
        expect(await enabled()).toHaveLength(1);
      }
    });

    it('does not stand in the way of changes to other accounts', async () => {
      await store().createUser(user('e1', 'editor'));
      expect((await store().updateUser('e1', { disabled: true }))?.disabled).toBe(true);
      expect(await store().updateUser('nobody', { disabled: true })).toBeNull();
    });
  });
}
