/**
 * `GET /api/reports/:id/checks` (CONTRACT.md; issue 12): for the readers of the report only, on the rooms as
 * stored — what someone typed a moment ago is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../common/checks/finding.js';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/waitFor.js';
import { expectError } from '../security/support.js';
import { ok, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';

describe('GET /api/reports/:id/checks', { timeout: 60_000 }, () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeAll(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
  });
  afterAll(async () => {
    await f?.close();
  });

  const checks = (who: Who, id = report.id, query = '') => f.as(who, 'GET', `/api/reports/${id}/checks${query}`);

  it('answers the readers of the report: the office, the admin, the chairperson, the departments that own a section', async () => {
    const answers = await Promise.all((['office', 'admin', 'chair', 'noivu', 'vhtt'] as const).map((who) => ok<Finding[]>(checks(who))));
    expect(answers[0]!.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('refuses without a session (401), to a department that owns no section (403), and for no such report (404)', async () => {
    await expectError(await call(f.server.url, null, 'GET', `/api/reports/${report.id}/checks`), 401, 'unauthenticated');
    await expectError(await checks('stranger'), 403, 'forbidden');
    await expectError(await checks('office', 'khong-co'), 404, 'not_found');
    await expectError(await checks('office', 'not an id!'), 404, 'not_found');
    await expectError(await checks('office', report.id, '?for=print'), 400, 'invalid_input');
  });

  it('reads the rooms as stored: a title typed a moment ago is found, and the issue mode adds the blank number', async () => {
    const frame = f.connect('office', report.id, 'frame');
    await frame.synced();
    frame.doc.getMap(FRAME_MAP).set('signTitle', 'Q.CHỦ TỊCH');
    let findings: Finding[] = [];
    await waitFor(async () => (findings = await ok<Finding[]>(checks('vhtt'))).some((finding) => finding.rule === 'authority-form'), {
      what: 'the authority form found',
    });
    expect(findings.find((finding) => finding.rule === 'authority-form')).toMatchObject({
      severity: 'error',
      part: 'frame',
      fix: { kind: 'setField', field: 'signTitle', from: 'Q.CHỦ TỊCH', to: 'Q. CHỦ TỊCH' },
    });
    expect(findings.some((finding) => finding.rule === 'issue-number')).toBe(false);
    // A new report's frame has neither number nor date yet.
    const forIssue = await ok<Finding[]>(checks('vhtt', report.id, '?for=issue'));
    expect(forIssue.slice(0, 2).map((finding) => finding.rule)).toEqual(['issue-number', 'issue-date']);
    expect(forIssue.slice(2)).toEqual(findings);
  });
});
