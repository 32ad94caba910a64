/** Sessions and workspace settings in PostgreSQL (tables in accountsSchema.ts). */
import type { SessionStore, SettingsStore } from '../store.js';
import type { PgDb } from './db.js';

interface SessionRow {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

export function pgSessions(db: PgDb): SessionStore {
  return {
    async createSession(session) {
      await db.query('INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)', [
        session.id,
        session.userId,
        session.createdAt,
        session.lastSeenAt,
      ]);
    },
    async getSession(id) {
      const { rows } = await db.query<SessionRow>('SELECT id, user_id, created_at, last_seen_at FROM sessions WHERE id = $1', [id]);
      const row = rows[0];
      return row ? { id: row.id, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
    },
    async touchSession(id, lastSeenAt) {
      await db.query('UPDATE sessions SET last_seen_at = $1 WHERE id = $2', [lastSeenAt, id]);
    },
    async deleteSession(id) {
      await db.query('DELETE FROM sessions WHERE id = $1', [id]);
    },
    async deleteUserSessions(userId) {
      await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    },
    // ISO 8601 UTC strings of one format order as the times they name (byte order: the columns are COLLATE "C").
    async deleteExpiredSessions(idleBefore, createdBefore) {
      const { rowCount } = await db.query('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore]);
      return rowCount ?? 0;
    },
  };
}

export function pgSettings(db: PgDb): SettingsStore {
  return {
    async getSetting(key) {
      const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0]?.value ?? null;
    },
    async setSetting(key, value) {
      await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
  };
}
