/** Why a person may not write a section, in words the section shows above its text. */
import type { Actor } from '../../../common/access.js';
import { sectionAccess } from '../../../common/access.js';
import type { Messages } from '../i18n/messages.js';

/**
 * The reason `me` may only read a section, or null when they may write it (common/access.ts decides).
 * @param ownerName The owning department's name; null when no department owns the section.
 * @param issued The report is issued (issue 10): nobody writes it any more, whoever owns the section.
 */
export function readOnlyReason(
  t: Messages,
  me: Actor,
  ownerDepartmentId: string | null,
  ownerName: string | null,
  issued = false,
): string | null {
  if (issued) return t.workflow.issued.readOnly;
  if (sectionAccess(me, ownerDepartmentId) === 'write') return null;
  if (me.role === 'chair') return t.report.readOnly.chair;
  if (ownerDepartmentId === null) return t.report.readOnly.unassigned;
  return t.report.readOnly.otherDepartment(ownerName ?? t.report.unknownDepartment);
}
