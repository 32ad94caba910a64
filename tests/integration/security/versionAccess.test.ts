/**
 * The calls of a named version (issue 10, item 5) against a real server: every role on every call, allowed
 * and refused (403); every call refused without a session (401), on a report not shared with the caller
 * (403), on a report or version that does not exist (404) — each in the error format of CONTRACT.md, and
 * none of the refusals changing anything (the rooms, the versions, the audit log).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRouteName } from '../../../common/api/routes.js';
import { versionRoutes } from '../../../common/api/versions.js';
import type { Version } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { call } from '../../helpers/api.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { storedText } from '../../helpers/storedDoc.js';
import { auditActions, EVERYONE, ok, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';
import { storedSection } from '../workflow/versionSupport.js';
import { expectError } from './support.js';

interface VersionCall {
  name: keyof typeof versionRoutes;
  method: string;
  path: string;
}

/** Every call of a version of a report. */
const calls = (reportId: string, versionId: string): VersionCall[] => {
  const base = `/api/reports/${reportId}/versions/${versionId}`;
  return [
    { name: 'getVersion', method: 'GET', path: base },
    { name: 'diffVersion', method: 'GET', path: `${base}/diff` },
    { name: 'exportVersionDocx', method: 'GET', path: `${base}/export.docx` },
    { name: 'restoreVersion', method: 'POST', path: `${base}/restore` },
  ];
};

/** Who may make each call on a report they may read (CONTRACT.md); everyone else is refused 403. */
const ALLOWED: Record<VersionCall['name'], readonly Who[]> = {
  getVersion: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  diffVersion: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  exportVersionDocx: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  restoreVersion: ['admin', 'office'],
};

describe('version access control', () => {
  let f: WorkflowFixture;
  let report: Report;
  let version: Version;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
    version = await ok<Version>(f.as('office', 'POST', `/api/reports/${report.id}/versions`, { label: 'Bản đầu' }), 201);
    // Written after the version: a restore that got through would take it out of the room.
    const writer = f.connect('noivu', report.id, 'section/tham-muu');
    await writer.synced();
    appendParagraph(writer.doc, 'Viết sau phiên bản.');
    await storedSection(f, report.id, 'tham-muu', (text) => text.includes('Viết sau phiên bản.'));
  });
  afterEach(async () => {
    await f.close();
  });

  /** What a refused call must leave as it was. */
  const state = async () => ({
    text: await storedText(f.server.store, `${report.id}/section/tham-muu`),
    audit: await auditActions(f, report.id),
    versions: await ok<Version[]>(f.as('office', 'GET', `/api/reports/${report.id}/versions`)),
  });

  it('names every version route', () => {
    expect(calls(report.id, version.id).map((entry) => entry.name).sort()).toEqual((Object.keys(versionRoutes) as ApiRouteName[]).sort());
  });

  it('lets every role make exactly the calls it may, and refuses the others (403), changing nothing', async () => {
    for (const who of EVERYONE) {
      for (const entry of calls(report.id, version.id)) {
        if (!ALLOWED[entry.name].includes(who)) {
          const before = await state();
          await expectError(await f.as(who, entry.method, entry.path), 403, 'forbidden');
          expect(await state(), `${who} ${entry.name}`).toEqual(before);
          continue;
        }
        const response = await f.as(who, entry.method, entry.path);
        expect(response.status, `${who} ${entry.name}: ${await response.clone().text()}`).toBe(versionRoutes[entry.name].success.status);
        await response.arrayBuffer();
      }
    }
  });

  it('refuses every version call without a session or with a forged one (401), changing nothing', async () => {
    const before = await state();
    for (const entry of calls(report.id, version.id)) {
      await expectError(await call(f.server.url, null, entry.method, entry.path), 401, 'unauthenticated');
      await expectError(await call(f.server.url, 'ds_session=nimmt-niemand', entry.method, entry.path), 401, 'unauthenticated');
    }
    expect(await state()).toEqual(before);
  });

  it('refuses every version call on a report not shared with the caller (403), and on one or a version that does not exist (404)', async () => {
    const before = await state();
    // The stranger's department owns no section: even opening a version is refused.
    for (const entry of calls(report.id, version.id)) await expectError(await f.as('stranger', entry.method, entry.path), 403, 'forbidden');
    const missing = [...calls('khongco', version.id), ...calls('khong co', version.id), ...calls(report.id, 'khongco'), ...calls(report.id, 'khong%20co')];
    for (const entry of missing) await expectError(await f.as('office', entry.method, entry.path), 404, 'not_found');
    expect(await state()).toEqual(before);
  });
});
