/**
 * Checks of the shapes the REST API answers with (CONTRACT.md, "REST"). They check what the client
 * relies on, not every field, so the server may add fields freely.
 */
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

function isReportSection(value: unknown): value is ReportSection {
  return (
    isRecord(value) &&
    hasStrings(value, ['id', 'number', 'title', 'room']) &&
    (value.ownerDepartmentId === null || typeof value.ownerDepartmentId === 'string')
  );
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
