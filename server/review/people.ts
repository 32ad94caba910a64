/**
 * The people a comment may mention on a report: every active account that may read it (common/access.ts
 * `canSeeReport`), as "@" offers them. The same rule as the check of a mention (mentions.ts), so what the
 * list offers is never refused.
 */
import { canSeeReport, isAccountActive } from '../../common/access.js';
import type { ReportReader } from '../../common/review.js';
import type { Identity } from '../auth/identity.js';
import type { ReviewContext } from './reviewContext.js';

export interface PeopleService {
  /** The readers of a report the caller may read (403/404 otherwise), by display name. */
  readers(caller: Identity, reportId: string): Promise<ReportReader[]>;
}

export function createPeopleService(context: Pick<ReviewContext, 'store' | 'reports'>): PeopleService {
  return {
    async readers(caller, reportId) {
      const report = await context.reports.get(caller, reportId);
      const owners = report.sections.map((section) => section.ownerDepartmentId);
      const [users, departments] = await Promise.all([context.store.listUsers(), context.store.listDepartments()]);
      const disabledDepartments = new Set(departments.filter((department) => department.disabled).map((department) => department.id));
      return users
        .filter((user) => {
          const departmentDisabled = user.departmentId === null ? null : disabledDepartments.has(user.departmentId);
          return isAccountActive({ role: user.role, disabled: user.disabled, departmentDisabled }) && canSeeReport(user, owners);
        })
        .map((user) => ({ id: user.id, displayName: user.displayName, departmentId: user.departmentId, role: user.role }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
    },
  };
}
