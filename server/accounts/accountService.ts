/** Departments and accounts, managed by the admin. Inputs are validated by the routes. */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../common/access.js';
import type { Department, User } from '../../common/account.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { hashPassword } from '../auth/passwords.js';
import { StoreConflictError, type DepartmentRecord, type Store, type UserPatch, type UserRecord } from '../storage/store.js';

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

/** How an account changed, for whoever holds its live connections. */
export type AccountChangeListener = (userId: string, change: 'ended' | 'rights') => Promise<void>;

export class AccountService {
  constructor(
    private readonly store: Store,
    /** Called after an account is disabled or its password reset (`ended`), or its role or department changed. */
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

  async updateDepartment(id: string, changes: { name?: string; disabled?: boolean }): Promise<Department> {
    const updated = await this.store.updateDepartment(id, changes);
    if (!updated) throw notFound(`department "${id}"`);
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

  /** Changes an account; disabling one ends its sessions at once. */
  async updateUser(id: string, changes: UserChanges): Promise<User> {
    const current = await this.store.getUser(id);
    if (!current) throw notFound(`user "${id}"`);
    const role = changes.role ?? current.role;
    const patch: UserPatch = { ...changes };
    if (changes.role !== undefined || changes.departmentId !== undefined) {
      patch.departmentId = await this.checkedDepartment(role, changes.departmentId !== undefined ? changes.departmentId : current.departmentId);
    }
    const updated = await this.store.updateUser(id, patch);
    if (!updated) throw notFound(`user "${id}"`);
    if (updated.disabled) {
      await this.store.deleteUserSessions(id);
      await this.onAccountChange(id, 'ended');
    } else if (updated.role !== current.role || updated.departmentId !== current.departmentId) {
      await this.onAccountChange(id, 'rights');
    }
    return toUser(updated);
  }

  /** Sets a new password and ends every session of the account. */
  async resetPassword(id: string, password: string): Promise<void> {
    const updated = await this.store.updateUser(id, { passwordHash: await hashPassword(password) });
    if (!updated) throw notFound(`user "${id}"`);
    await this.store.deleteUserSessions(id);
    await this.onAccountChange(id, 'ended');
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
