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

/** What decides whether an account may act at all. */
export interface AccountStanding {
  role: Role;
  /** The account itself is disabled. */
  disabled: boolean;
  /** Whether the account's department is disabled; null when it has none (or it no longer exists). */
  departmentDisabled: boolean | null;
}

/**
 * Whether an account may sign in and its sessions work. A disabled account may not. An editor acts only
 * through its department, so an editor of a disabled department has no rights at all — it reads nothing,
 * writes nothing and cannot sign in — until the admin enables the department again or moves the editor to
 * another one (issue 8). The other roles' rights do not come from their department, so theirs stay.
 */
export function isAccountActive(account: AccountStanding): boolean {
  if (account.disabled) return false;
  return account.role !== 'editor' || account.departmentDisabled === false;
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

/**
 * Resolving or reopening a comment thread (issue 9): its author and the department it was written for,
 * the department that owns the section, the office, the admin and the chairperson. Another department
 * may not close a thread it neither wrote nor owns the section of.
 */
export function canResolveThread(
  actor: Actor & { userId: string },
  thread: { authorId: string; authorDepartmentId: string | null },
  sectionOwnerDepartmentId: string | null,
): boolean {
  switch (actor.role) {
    case 'admin':
    case 'office':
    case 'chair':
      return true;
    case 'editor':
      if (actor.userId === thread.authorId) return true;
      return actor.departmentId !== null && (actor.departmentId === thread.authorDepartmentId || actor.departmentId === sectionOwnerDepartmentId);
  }
}

/** Accepting or rejecting a suggested edit: whoever may write the section (its department, the office). */
export function canDecideSuggestion(actor: Actor, sectionOwnerDepartmentId: string | null): boolean {
  return sectionAccess(actor, sectionOwnerDepartmentId) === 'write';
}

/** Approving or returning a section: the chairperson only. */
export function canReviewSections(role: Role): boolean {
  return role === 'chair';
}

/** Reading a report's audit log: the office, the admin and the chairperson. */
export function canReadAudit(role: Role): boolean {
  return role === 'admin' || role === 'office' || role === 'chair';
}
