/** Users and departments in SQLite. */
import type { Database } from 'better-sqlite3';
import { toUser, type UserColumns } from '../rows/accountRows.js';
import { LastAdminError, StoreConflictError, type AccountStore, type DepartmentRecord, type UserPatch, type UserRecord } from '../store.js';
import { isUniqueViolation } from './schema.js';

interface UserRow extends UserColumns {
  /** 0 or 1: SQLite has no boolean. */
  disabled: number;
}

interface DepartmentRow {
  id: string;
  name: string;
  disabled: number;
}

const userOf = (row: UserRow): UserRecord => toUser(row, row.disabled === 1);

const toDepartment = (row: DepartmentRow): DepartmentRecord => ({
  id: row.id,
  name: row.name,
  disabled: row.disabled === 1,
});

export function sqliteAccounts(db: Database): AccountStore {
  const countUsers = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insertUser = db.prepare(
    `INSERT INTO users (id, username, display_name, role, department_id, disabled, password_hash, created_at)
     VALUES (@id, @username, @display_name, @role, @department_id, @disabled, @password_hash, @created_at)`,
  );
  const selectUser = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const selectUserByName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const selectUsers = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username');
  const countEnabledAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0");
  const writeUser = db.prepare(
    `UPDATE users SET display_name = @display_name, role = @role, department_id = @department_id,
     disabled = @disabled, password_hash = @password_hash WHERE id = @id`,
  );
  const insertDepartment = db.prepare<[string, string, number]>(
    'INSERT INTO departments (id, name, disabled) VALUES (?, ?, ?)',
  );
  const selectDepartment = db.prepare<[string], DepartmentRow>('SELECT * FROM departments WHERE id = ?');
  const selectDepartments = db.prepare<[], DepartmentRow>('SELECT * FROM departments ORDER BY name, id');
  const writeDepartment = db.prepare<[string, number, string]>('UPDATE departments SET name = ?, disabled = ? WHERE id = ?');

  const userParams = (user: UserRecord) => ({
    id: user.id,
    username: user.username.toLowerCase(),
    display_name: user.displayName,
    role: user.role,
    department_id: user.departmentId,
    disabled: user.disabled ? 1 : 0,
    password_hash: user.passwordHash,
    created_at: user.createdAt,
  });

  const getUser = (id: string) => {
    const row = selectUser.get(id);
    return row ? userOf(row) : null;
  };
  const getDepartment = (id: string) => {
    const row = selectDepartment.get(id);
    return row ? toDepartment(row) : null;
  };

  // One transaction: the check sees the write, and a refused write is rolled back.
  const updateUser = db.transaction((id: string, patch: UserPatch): UserRecord | null => {
    const current = getUser(id);
    if (!current) return null;
    const next = { ...current, ...patch };
    writeUser.run(userParams(next));
    const wasAdmin = current.role === 'admin' && !current.disabled;
    if (wasAdmin && countEnabledAdmins.get()!.n === 0) throw new LastAdminError(`"${current.username}" is the last enabled admin`);
    return next;
  });

  return {
    async countUsers() {
      return countUsers.get()!.n;
    },
    async createUser(user) {
      try {
        insertUser.run(userParams(user));
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError(`username "${user.username}" is taken`);
        throw error;
      }
    },
    async updateUser(id, patch) {
      return updateUser(id, patch);
    },
    async getUser(id) {
      return getUser(id);
    },
    async findUserByUsername(username) {
      const row = selectUserByName.get(username.toLowerCase());
      return row ? userOf(row) : null;
    },
    async listUsers() {
      return selectUsers.all().map(userOf);
    },
    async createDepartment(department) {
      try {
        insertDepartment.run(department.id, department.name, department.disabled ? 1 : 0);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError(`department "${department.id}" exists`);
        throw error;
      }
    },
    async updateDepartment(id, patch) {
      const current = getDepartment(id);
      if (!current) return null;
      const next = { ...current, ...patch };
      writeDepartment.run(next.name, next.disabled ? 1 : 0, id);
      return next;
    },
    async getDepartment(id) {
      return getDepartment(id);
    },
    async listDepartments() {
      return selectDepartments.all().map(toDepartment);
    },
  };
}
