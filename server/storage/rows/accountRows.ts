/**
 * Users as both stores read them back: SQLite and PostgreSQL give rows of this shape except the `disabled`
 * flag (SQLite 0/1, PostgreSQL a boolean), which each store declares and reads itself.
 */
import type { Role } from '../../../common/access.js';
import type { UserRecord } from '../store.js';

/** A `users` row but its `disabled` flag. */
export interface UserColumns {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  password_hash: string;
  created_at: string;
}

/** `disabled` is the row's flag as the store reads it from its own column type. */
export const toUser = (row: UserColumns, disabled: boolean): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  departmentId: row.department_id,
  disabled,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});
