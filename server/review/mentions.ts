/**
 * Mentions in comments and replies: a department that takes part in the report (owns one of its
 * sections), or a person who may read it. Anyone else is refused (400 `invalid_mention`): a mention they
 * could never see would only mislead its author.
 */
import { canSeeReport, isAccountActive } from '../../common/access.js';
import type { Report } from '../../common/report.js';
import type { Mentions } from '../../common/review.js';
import type { AccountStore } from '../storage/store.js';
import { invalidMention } from './reviewErrors.js';

export const NO_MENTIONS: Mentions = { departmentIds: [], userIds: [] };

export async function checkMentions(store: Pick<AccountStore, 'getDepartment' | 'getUser'>, report: Report, mentions: Mentions): Promise<void> {
  const owners = report.sections.map((section) => section.ownerDepartmentId);
  for (const id of mentions.departmentIds) {
    const department = await store.getDepartment(id);
    if (!department || department.disabled || !owners.includes(id)) throw invalidMention(`phòng ban "${department?.name ?? id}"`);
  }
  for (const id of mentions.userIds) {
    const user = await store.getUser(id);
    const department = user?.departmentId ? await store.getDepartment(user.departmentId) : null;
    const active = user !== null && isAccountActive({ role: user.role, disabled: user.disabled, departmentDisabled: department ? department.disabled : null });
    if (!user || !active || !canSeeReport(user, owners)) throw invalidMention(`người dùng "${user?.displayName ?? id}"`);
  }
}
