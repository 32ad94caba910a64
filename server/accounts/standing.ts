/** Whether a stored account may act at all: the rule of common/access.ts applied to what the store holds. */
import { isAccountActive } from '../../common/access.js';
import type { DepartmentRecord, Store, UserRecord } from '../storage/store.js';

/** The account's department as stored, or null when it has none or it no longer exists. */
export async function departmentOf(store: Store, user: UserRecord): Promise<DepartmentRecord | null> {
  return user.departmentId ? store.getDepartment(user.departmentId) : null;
}

/** True when `user` may sign in and its sessions work (not disabled; an editor's department enabled). */
export async function isActive(store: Store, user: UserRecord, department?: DepartmentRecord | null): Promise<boolean> {
  const found = department === undefined ? await departmentOf(store, user) : department;
  return isAccountActive({ role: user.role, disabled: user.disabled, departmentDisabled: found ? found.disabled : null });
}
