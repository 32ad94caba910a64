/**
 * The calls of the issued report's PDF and its signed copy (issue 10, items 3–4) against a real server:
 * every role on every call, allowed and refused (403); every call refused without a session (401), on a
 * report not shared with the caller (403) or that does not exist (404), and with a body that is no file
 * (400/415) — each in the error format of CONTRACT.md, none of the refusals changing anything. LibreOffice is
 * a stand-in here (tests/helpers/fakeSoffice.ts): what is checked is who may ask, not the rendering.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiRouteName } from '../../../common/api/routes.js';
import { signedCopyRoutes, type SignedCopyInfo } from '../../../common/api/signedCopy.js';
import type { Report } from '../../../common/report.js';
import { defaultConfig } from '../../../server/config.js';
import { call } from '../../helpers/api.js';
import { fakeSoffice, type FakeSoffice } from '../../helpers/fakeSoffice.js';
import { makeSigningIdentity, signedPdf } from '../../helpers/signedPdf.js';
import { issuedReport, upload } from '../signing/support.js';
import { auditActions, EVERYONE, ok, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';
import { expectError } from './support.js';

interface SigningCall {
  name: keyof typeof signedCopyRoutes;
  method: string;
  path: string;
  /** The upload's raw body. */
  file?: Uint8Array<ArrayBuffer>;
}

let pdf: Uint8Array<ArrayBuffer>;

/** Every signing call, on report `reportId`. */
const calls = (reportId: string): SigningCall[] => {
  const base = `/api/reports/${encodeURIComponent(reportId)}`;
  return [
    { name: 'issuedPdf', method: 'GET', path: `${base}/issued.pdf` },
    { name: 'uploadSignedCopy', method: 'PUT', path: `${base}/signed`, file: pdf },
    { name: 'downloadSignedCopy', method: 'GET', path: `${base}/signed` },
    { name: 'signedCopyInfo', method: 'GET', path: `${base}/signed/info` },
    { name: 'capabilities', method: 'GET', path: '/api/capabilities' },
  ];
};

/** Who may make each call on a report they may read (CONTRACT.md); everyone else is refused 403. */
const ALLOWED: Record<SigningCall['name'], readonly Who[]> = {
  issuedPdf: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  uploadSignedCopy: ['admin', 'office'],
  downloadSignedCopy: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  signedCopyInfo: ['admin', 'office', 'chair', 'noivu', 'vhtt'],
  // Not about a report: anyone signed in, the stranger too.
  capabilities: ['admin', 'office', 'chair', 'noivu', 'vhtt', 'stranger'],
};

describe('signing access control', () => {
  let f: WorkflowFixture;
  let fake: FakeSoffice;
  let report: Report;
  beforeAll(async () => {
    pdf = await signedPdf(await makeSigningIdentity());
  });
  beforeEach(async () => {
    fake = await fakeSoffice();
    f = await startWorkflowServer({ config: { pdf: { ...defaultConfig().pdf, soffice: fake.path } } });
    report = await issuedReport(f);
    // A copy to download from the start.
    await ok(upload(f, 'office', report.id, pdf));
  });
  afterEach(async () => {
    await f.close();
    await fake.close();
  });

  /** A call as `who` (null: no session; a string: that cookie). */
  const send = (who: Who | string | null, entry: SigningCall) => {
    const cookie = who === null ? null : who in f.cookies ? f.cookies[who as Who] : who;
    if (!entry.file) return call(f.server.url, cookie, entry.method, entry.path);
    const headers: Record<string, string> = { 'content-type': 'application/pdf' };
    if (cookie) headers.cookie = cookie;
    return fetch(`${f.server.url}${entry.path}`, { method: entry.method, headers, body: entry.file });
  };

  /** What a refused call must leave as it was. */
  const state = async (reportId = report.id) => ({
    signed: await ok<SignedCopyInfo>(f.as('office', 'GET', `/api/reports/${reportId}/signed/info`)),
    audit: await auditActions(f, reportId),
    pdfStored: (await f.server.store.getIssuedPdf(reportId)) !== null,
    renderings: (await fake.events()).length,
  });

  it('names every signing route', () => {
    expect(calls(report.id).map((entry) => entry.name).sort()).toEqual((Object.keys(signedCopyRoutes) as ApiRouteName[]).sort());
  });

  it('lets every role make exactly the calls it may, and refuses the others (403), changing nothing', async () => {
    for (const who of EVERYONE) {
      for (const entry of calls(report.id)) {
        if (!ALLOWED[entry.name].includes(who)) {
          const before = await state();
          await expectError(await send(who, entry), 403, 'forbidden');
          expect(await state(), `${who} ${entry.name}`).toEqual(before);
          continue;
        }
        const response = await send(who, entry);
        expect(response.status, `${who} ${entry.name}: ${await response.clone().text()}`).toBe(signedCopyRoutes[entry.name].success.status);
      }
    }
  });

  it('refuses every signing call without a session or with a forged one (401), changing nothing', async () => {
    const before = await state();
    for (const entry of calls(report.id)) {
      await expectError(await send(null, entry), 401, 'unauthenticated');
      await expectError(await send('ds_session=nimmt-niemand', entry), 401, 'unauthenticated');
    }
    expect(await state()).toEqual(before);
  });

  it('refuses every call on a report not shared with the caller (403), and on one that does not exist (404)', async () => {
    const before = await state();
    const ofReports = (reportId: string) => calls(reportId).filter((entry) => entry.name !== 'capabilities');
    // The stranger's department owns no section: even reading is refused; the office uploads, the stranger cannot.
    for (const entry of ofReports(report.id)) await expectError(await send('stranger', entry), 403, 'forbidden');
    for (const entry of [...ofReports('khongco'), ...ofReports('khong co')]) await expectError(await send('office', entry), 404, 'not_found');
    expect(await state()).toEqual(before);
  });

  it('refuses an upload that is no accepted file (400 empty, 415 other types) and one to a report not issued (409), changing nothing', async () => {
    const draft = await f.newReport('Báo cáo dự thảo');
    const before = [await state(), await state(draft.id)];
    await expectError(await upload(f, 'office', report.id, new Uint8Array(0)), 400, 'empty_file');
    await expectError(await upload(f, 'office', report.id, new TextEncoder().encode('{"a":1}'), { type: 'application/json' }), 415, 'unsupported_file_type');
    await expectError(await upload(f, 'office', report.id, new TextEncoder().encode('%PDF-1.7'), { type: 'image/svg+xml' }), 415, 'unsupported_file_type');
    await expectError(await upload(f, 'office', draft.id, pdf), 409, 'not_issued');
    await expectError(await f.as('noivu', 'GET', `/api/reports/${draft.id}/issued.pdf`), 409, 'not_issued');
    expect([await state(), await state(draft.id)]).toEqual(before);
  });
});
