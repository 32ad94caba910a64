/** Users and departments in PostgreSQL (tables in accountsSchema.ts). */
import { toUser, type UserColumns } from '../rows/accountRows.js';
import { LastAdminError, StoreConflictError, type AccountStore, type DepartmentRecord, type UserPatch, type UserRecord } from '../store.js';
import { isPgUniqueViolation, type PgDb, type PgQueryable } from './db.js';

interface UserRow extends UserColumns {
  disabled: boolean;
}

const userOf = (row: UserRow): UserRecord => toUser(row, row.disabled);

const SELECT_USERS = 'SELECT id, username, display_name, role, department_id, disabled, password_hash, created_at FROM users';

async function findUser(queryable: PgQueryable, id: string): Promise<UserRecord | null> {
  const { rows } = await queryable.query<UserRow>(`${SELECT_USERS} WHERE id = $1`, [id]);
  return rows[0] ? userOf(rows[0]) : null;
}

/**
 * Changes a user in `tx`, refusing a change that leaves no enabled admin. The enabled admins' rows (and
 * the user's) are locked first, in id order (no deadlock between two changes), so two admins demoting each
 * other at once take turns: the second, once it has the lock, no longer counts the first among the admins,
 * and is refused. New admins need no lock: they only add to the count. NO KEY: a session being created for
 * one of them (which only needs the row to stay) does not wait.
 */
async function updateUserIn(tx: PgQueryable, id: string, patch: UserPatch): Promise<UserRecord | null> {
  await tx.query("SELECT id FROM users WHERE (role = 'admin' AND NOT disabled) OR id = $1 ORDER BY id FOR NO KEY UPDATE", [id]);
  const current = await findUser(tx, id);
  if (!current) return null;
  const next = { ...current, ...patch };
  await tx.query('UPDATE users SET display_name = $2, role = $3, department_id = $4, disabled = $5, password_hash = $6 WHERE id = $1', [
    id,
    next.displayName,
    next.role,
    next.departmentId,
    next.disabled,
    next.passwordHash,
  ]);
  const wasAdmin = current.role === 'admin' && !current.disabled;
  const { rows } = await tx.query<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled");
  if (wasAdmin && rows[0]!.n === 0) throw new LastAdminError(`"${current.username}" is the last enabled admin`);
  return next;
}

export function pgAccounts(db: PgDb): AccountStore {
  return {
    async countUsers() {
      const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM users');
      return rows[0]!.n;
    },
    async createUser(user) {
      try {
        await db.query(
          `INSERT INTO users (id, username, display_name, role, department_id, disabled, password_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [user.id, user.username.toLowerCase(), user.displayName, user.role, user.departmentId, user.disabled, user.passwordHash, user.createdAt],
        );
      } catch (error) {
        if (isPgUniqueViolation(error)) throw new StoreConflictError(`username "${user.username}" is taken`);
        throw error;
      }
    },
    async updateUser(id, patch) {
      return db.transaction((tx) => updateUserIn(tx, id, patch));
    },
    async getUser(id) {
      return findUser(db, id);
    },
    async findUserByUsername(username) {
      const { rows } = await db.query<UserRow>(`${SELECT_USERS} WHERE username = $1`, [username.toLowerCase()]);
      return rows[0] ? userOf(rows[0]) : null;
    },
    async listUsers() {
      const { rows } = await db.query<UserRow>(`${SELECT_USERS} ORDER BY username`);
      return rows.map(userOf);
    },
    async createDepartment(department) {
      try {
        await db.query('INSERT INTO departments (id, name, disabled) VALUES ($1, $2, $3)', [department.id, department.name, department.disabled]);
      } catch (error) {
        if (isPgUniqueViolation(error)) throw new StoreConflictError(`department "${department.id}" exists`);
        throw error;
      }
    },
    async updateDepartment(id, patch) {
      // One statement: fields the patch leaves out keep their stored value.
      const { rows } = await db.query<DepartmentRecord>(
        `UPDATE departments SET name = COALESCE($2, name), disabled = COALESCE($3, disabled) WHERE id = $1 RETURNING id, name, disabled`,
        [id, patch.name ?? null, patch.disabled ?? null],
      );
      return rows[0] ?? null;
    },
    async getDepartment(id) {
      const { rows } = await db.query<DepartmentRecord>('SELECT id, name, disabled FROM departments WHERE id = $1', [id]);
      return rows[0] ?? null;
    },
    async listDepartments() {
      const { rows } = await db.query<DepartmentRecord>('SELECT id, name, disabled FROM departments ORDER BY name, id');
      return rows;
    },
  };
}
