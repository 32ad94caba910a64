/** Departments and accounts, managed by the admin. Inputs are validated by the routes. */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../common/access.js';
import type { Department, User } from '../../common/account.js';
import { AppError, badRequest, conflict, notFound } from '../errors.js';
import { hashPassword } from '../auth/passwords.js';
import { LastAdminError, StoreConflictError, type DepartmentRecord, type Store, type UserPatch, type UserRecord } from '../storage/store.js';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  departmentId?: string | null;
  disabled?: boolean;
}

export const newId = () => randomBytes(9).toString('base64url');

export function toUser(record: UserRecord): User {
  const { id, username, displayName, role, departmentId, disabled } = record;
  return { id, username, displayName, role, departmentId, disabled };
}

export function toDepartment(record: DepartmentRecord): Department {
  return { id: record.id, name: record.name, disabled: record.disabled };
}

/** Whose live connections a change concerns: one account, or everyone in one department. */
export type AccountSubject = { userId: string } | { departmentId: string };

/** How accounts changed, for whoever holds their live connections: `ended` (sign in again) or `rights`. */
export type AccountChangeListener = (who: AccountSubject, change: 'ended' | 'rights') => Promise<void>;

/** 409 `last_admin`: nobody would be left to manage accounts (issue 8). */
export const lastAdmin = () =>
  new AppError(
    409,
    'last_admin',
    'Đây là tài khoản quản trị cuối cùng (the last enabled admin cannot be demoted or disabled: make another account admin first)',
  );

/** 409 `own_account`: an admin disabling the account it is signed in with. */
export const ownAccount = () =>
  new AppError(409, 'own_account', 'Không thể tự khóa tài khoản của mình (you cannot disable your own account)');

export class AccountService {
  constructor(
    private readonly store: Store,
    /**
     * Called after an account is disabled or its password reset (`ended`), its role or department changed
     * (`rights`), or a department is disabled (`rights`, for everyone in it).
     */
    private readonly onAccountChange: AccountChangeListener = async () => undefined,
  ) {}

  async listDepartments(): Promise<Department[]> {
    return (await this.store.listDepartments()).map(toDepartment);
  }

  async createDepartment(name: string): Promise<Department> {
    const taken = (await this.store.listDepartments()).some((d) => d.name.toLowerCase() === name.toLowerCase());
    if (taken) throw conflict(`department "${name}" exists`);
    const record = { id: newId(), name, disabled: false };
    await this.store.createDepartment(record);
    return toDepartment(record);
  }

  /**
   * Renames, disables or enables a department. Disabling it takes its editors' rights away at once
   * (common/access.ts, `isAccountActive`): their live connections are re-judged.
   */
  async updateDepartment(id: string, changes: { name?: string; disabled?: boolean }): Promise<Department> {
    const current = await this.store.getDepartment(id);
    if (!current) throw notFound(`department "${id}"`);
    const updated = await this.store.updateDepartment(id, changes);
    if (!updated) throw notFound(`department "${id}"`);
    if (updated.disabled && !current.disabled) await this.onAccountChange({ departmentId: id }, 'rights');
    return toDepartment(updated);
  }

  async listUsers(): Promise<User[]> {
    return (await this.store.listUsers()).map(toUser);
  }

  async createUser(input: NewUser): Promise<User> {
    const departmentId = await this.checkedDepartment(input.role, input.departmentId ?? null);
    const record: UserRecord = {
      id: newId(),
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      role: input.role,
      departmentId,
      disabled: false,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
    };
    try {
      await this.store.createUser(record);
    } catch (error) {
      if (error instanceof StoreConflictError) throw conflict(`username "${record.username}" is taken`);
      throw error;
    }
    return toUser(record);
  }

  /**
   * Changes an account; disabling one ends its sessions at once. `byUserId`, the admin making the change,
   * may not disable itself (409 `own_account`); the last enabled admin is neither demoted nor disabled
   * (409 `last_admin`).
   */
  async updateUser(id: string, changes: UserChanges, byUserId?: string): Promise<User> {
    const current = await this.store.getUser(id);
    if (!current) throw notFound(`user "${id}"`);
    if (changes.disabled === true && !current.disabled && id === byUserId) throw ownAccount();
    const role = changes.role ?? current.role;
    const patch: UserPatch = { ...changes };
    if (changes.role !== undefined || changes.departmentId !== undefined) {
      patch.departmentId = await this.checkedDepartment(role, changes.departmentId !== undefined ? changes.departmentId : current.departmentId);
    }
    const updated = await this.updateChecked(id, patch);
    if (updated.disabled) {
      await this.store.deleteUserSessions(id);
      await this.onAccountChange({ userId: id }, 'ended');
    } else if (updated.role !== current.role || updated.departmentId !== current.departmentId) {
      await this.onAccountChange({ userId: id }, 'rights');
    }
    return toUser(updated);
  }

  /** Sets a new password and ends every session of the account. */
  async resetPassword(id: string, password: string): Promise<void> {
    const updated = await this.store.updateUser(id, { passwordHash: await hashPassword(password) });
    if (!updated) throw notFound(`user "${id}"`);
    await this.store.deleteUserSessions(id);
    await this.onAccountChange({ userId: id }, 'ended');
  }

  /** The store keeps an enabled admin atomically (two admins demoting each other at once): its refusal is a 409. */
  private async updateChecked(id: string, patch: UserPatch): Promise<UserRecord> {
    try {
      const updated = await this.store.updateUser(id, patch);
      if (!updated) throw notFound(`user "${id}"`);
      return updated;
    } catch (error) {
      if (error instanceof LastAdminError) throw lastAdmin();
      throw error;
    }
  }

  /** An editor belongs to an active department; other roles may have one or not. */
  private async checkedDepartment(role: Role, departmentId: string | null): Promise<string | null> {
    if (departmentId !== null) {
      const department = await this.store.getDepartment(departmentId);
      if (!department) throw badRequest(`departmentId: no department "${departmentId}"`);
      if (department.disabled) throw badRequest(`departmentId: department "${department.name}" is disabled`);
    }
    if (role === 'editor' && departmentId === null) throw badRequest('departmentId: an editor belongs to a department');
    return departmentId;
  }
}

/** True when a person (an identity of a live connection) is among those a change concerns. */
export function concerns(who: AccountSubject, person: { userId: string; departmentId: string | null }): boolean {
  return 'userId' in who ? person.userId === who.userId : person.departmentId === who.departmentId;
}
