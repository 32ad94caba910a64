/**
 * Who may do what: the rules both the server (which enforces them) and the client (which shows them)
 * follow. Roles as in CONTRACT.md; the write rule of each room as in DESIGN.md.
 */

export type Role = 'admin' | 'office' | 'editor' | 'chair';

export const ROLES: readonly Role[] = ['admin', 'office', 'editor', 'chair'];

/** The facts about a person the rules need. */
export interface Actor {
  role: Role;
  departmentId: string | null;
}

/** `write`: may change; `read`: may only look. */
export type Access = 'write' | 'read';

/** Accounts, departments and workspace settings: the admin only. */
export function canManageAccounts(role: Role): boolean {
  return role === 'admin';
}

/** Creating reports, assigning sections, writing the frame and any section: the office (and the admin). */
export function canManageReports(role: Role): boolean {
  return role === 'admin' || role === 'office';
}

/** Reports are visible to the office, the admin, the chair, and departments that own one of its sections. */
export function canSeeReport(actor: Actor, sectionOwners: ReadonlyArray<string | null>): boolean {
  switch (actor.role) {
    case 'admin':
    case 'office':
    case 'chair':
      return true;
    case 'editor':
      return actor.departmentId !== null && sectionOwners.includes(actor.departmentId);
  }
}

/** A section: the office writes every one; a department writes its own; everyone else who sees it reads. */
export function sectionAccess(actor: Actor, ownerDepartmentId: string | null): Access {
  switch (actor.role) {
    case 'admin':
    case 'office':
      return 'write';
    case 'editor':
      return actor.departmentId !== null && actor.departmentId === ownerDepartmentId ? 'write' : 'read';
    case 'chair':
      return 'read';
  }
}

/** The frame (header and footer fields): the office writes it, everyone else who sees the report reads. */
export function frameAccess(actor: Actor): Access {
  return canManageReports(actor.role) ? 'write' : 'read';
}
