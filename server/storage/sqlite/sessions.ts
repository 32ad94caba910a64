/** Sessions and workspace settings in SQLite. */
import type { Database } from 'better-sqlite3';
import type { SessionRecord, SessionStore, SettingsStore } from '../store.js';

interface SessionRow {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

export function sqliteSessions(db: Database): SessionStore {
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
  );
  const select = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const touch = db.prepare<[string, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
  const removeForUser = db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?');
  // ISO 8601 UTC strings of one format order as the times they name.
  const removeExpired = db.prepare<[string, string]>('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?');
  return {
    async createSession(session: SessionRecord) {
      insert.run(session.id, session.userId, session.createdAt, session.lastSeenAt);
    },
    async getSession(id) {
      const row = select.get(id);
      return row ? { id: row.id, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
    },
    async touchSession(id, lastSeenAt) {
      touch.run(lastSeenAt, id);
    },
    async deleteSession(id) {
      remove.run(id);
    },
    async deleteUserSessions(userId) {
      removeForUser.run(userId);
    },
    async deleteExpiredSessions(idleBefore, createdBefore) {
      return removeExpired.run(idleBefore, createdBefore).changes;
    },
  };
}

export function sqliteSettings(db: Database): SettingsStore {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    async getSetting(key) {
      return select.get(key)?.value ?? null;
    },
    async setSetting(key, value) {
      upsert.run(key, value);
    },
  };
}
