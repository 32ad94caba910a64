/**
 * The version calls of the REST API (issue 10, item 5): listing and saving named versions, opening one,
 * comparing it with now, restoring it; and the address of its Word file.
 */
import { pathOf } from '../../../common/api/route.js';
import { api } from '../../../common/api/routes.js';
import type { RestoredReport, VersionDiff, VersionView } from '../../../common/api/versions.js';
import type { Version } from '../../../common/api/workflow.js';
import { call } from './http.js';

/** The report's versions, newest first. */
export function listVersions(reportId: string, signal?: AbortSignal): Promise<Version[]> {
  return call(api.listVersions, { params: { id: reportId }, signal });
}

/** Saves the report as it is now under `label` (the office). */
export function createVersion(reportId: string, label: string): Promise<Version> {
  return call(api.createVersion, { params: { id: reportId }, body: { label } });
}

/** A version with its content, to show read-only. */
export function getVersion(reportId: string, versionId: string, signal?: AbortSignal): Promise<VersionView> {
  return call(api.getVersion, { params: { id: reportId, vid: versionId }, signal });
}

/** How the report now differs from a version. */
export function diffVersion(reportId: string, versionId: string, signal?: AbortSignal): Promise<VersionDiff> {
  return call(api.diffVersion, { params: { id: reportId, vid: versionId }, signal });
}

/**
 * Makes the report read as the version again (the office, before issuing). Every page open on the report
 * receives the change through its rooms; the answer names the versions the restore stored.
 */
export function restoreVersion(reportId: string, versionId: string): Promise<RestoredReport> {
  return call(api.restoreVersion, { params: { id: reportId, vid: versionId } });
}

/** Where the version's Word file is downloaded (a plain link: the browser saves it under the server's name). */
export function versionDocxHref(reportId: string, versionId: string): string {
  return pathOf(api.exportVersionDocx, { id: reportId, vid: versionId });
}
