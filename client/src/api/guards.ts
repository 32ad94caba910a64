/**
 * Checks of the shapes the REST API answers with (CONTRACT.md, "REST"). They check what the client
 * relies on, not every field, so the server may add fields freely.
 */
import { ROLES } from '../../../common/access.js';
import type { Department, Me, User, Workspace } from '../../../common/account.js';
import type { Report, ReportSection, ReportSummary } from '../../../common/report.js';
import { REPORT_STATUSES } from '../../../common/report.js';
import type { TemplateSummary } from '../../../common/template.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasStrings(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === 'string');
}

/** True for an array whose every element passes `isItem`. */
export function isArrayOf<T>(isItem: (value: unknown) => value is T): (value: unknown) => value is T[] {
  return (value: unknown): value is T[] => Array.isArray(value) && value.every(isItem);
}

/** A report as the list shows it. */
export function isReportSummary(value: unknown): value is ReportSummary {
  return (
    isRecord(value) &&
    hasStrings(value, ['id', 'title', 'templateId', 'docType', 'createdAt']) &&
    (REPORT_STATUSES as readonly unknown[]).includes(value.status)
  );
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** The person signed in, as `GET /api/me` answers. */
export function isMe(value: unknown): value is Me {
  return (
    isRecord(value) &&
    hasStrings(value, ['id', 'username', 'displayName']) &&
    (ROLES as readonly unknown[]).includes(value.role) &&
    isNullableString(value.departmentId)
  );
}

/** The answer to `POST /api/session`. */
export function isSessionAnswer(value: unknown): value is { user: Me } {
  return isRecord(value) && isMe(value.user);
}

/** An account as the admin sees it. */
export function isUser(value: unknown): value is User {
  return isMe(value) && typeof (value as unknown as Record<string, unknown>).disabled === 'boolean';
}

/** A department as the server sends it; CONTRACT.md names only `{id, name}`, so `disabled` may be absent. */
export function isDepartmentAnswer(value: unknown): value is Omit<Department, 'disabled'> & { disabled?: boolean } {
  return isRecord(value) && hasStrings(value, ['id', 'name']) && (value.disabled === undefined || typeof value.disabled === 'boolean');
}

/** The workspace's names. `agencySymbol` came later; a server without it is read as an empty one. */
export function isWorkspaceAnswer(value: unknown): value is Omit<Workspace, 'agencySymbol'> & { agencySymbol?: string } {
  return (
    isRecord(value) &&
    hasStrings(value, ['agencyName', 'parentAgencyName', 'placeName']) &&
    (value.agencySymbol === undefined || typeof value.agencySymbol === 'string')
  );
}

function isReportSection(value: unknown): value is ReportSection {
  return (
    isRecord(value) &&
    hasStrings(value, ['id', 'number', 'title', 'room']) &&
    isNullableString(value.ownerDepartmentId)
  );
}

/** The answer to `PUT /api/reports/:id/sections/:sectionId`: the section, with its new owner. */
export function isSectionOwner(value: unknown): value is Pick<ReportSection, 'id' | 'ownerDepartmentId'> {
  return isRecord(value) && typeof value.id === 'string' && isNullableString(value.ownerDepartmentId);
}

/** A report with its sections. */
export function isReport(value: unknown): value is Report {
  if (!isReportSummary(value)) return false;
  const sections: unknown = (value as unknown as Record<string, unknown>).sections;
  return Array.isArray(sections) && sections.every(isReportSection);
}

/** A template as `GET /api/templates` lists it. */
export function isTemplateSummary(value: unknown): value is TemplateSummary {
  return (
    isRecord(value) &&
    hasStrings(value, ['id', 'title', 'docType']) &&
    Array.isArray(value.sections) &&
    value.sections.every((section) => isRecord(section) && hasStrings(section, ['id', 'title']))
  );
}
