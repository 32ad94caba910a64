/**
 * Issuing is refused while the form checker finds an error (issue 12): 409 `checks_failed`, with the
 * findings, and nothing changes — the report stays approved and writable, its frame holds no number, no
 * version or audit entry of an issue is written. Once the error is fixed, the same report issues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../common/checks/finding.js';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { waitFor } from '../../helpers/waitFor.js';
import { storedDoc } from '../../helpers/storedDoc.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { checkErrors } from '../../helpers/issuable.js';
import { auditActions, ok, startWorkflowServer, storedFrame, type WorkflowFixture } from '../workflow/support.js';

describe('issuing while the form checker finds an error', { timeout: 90_000 }, () => {
  let f: WorkflowFixture;
  beforeAll(async () => {
    f = await startWorkflowServer();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('is refused with 409 checks_failed listing the errors, and changes nothing; fixed, the report issues', async () => {
    const report = await f.newReport();
    await f.bringTo(report.id, 'approved');
    const frame = f.connect('office', report.id, 'frame');
    await frame.synced();
    frame.doc.getMap(FRAME_MAP).set('signTitle', 'Q.CHỦ TỊCH');
    await waitFor(async () => (await checkErrors(f.server.url, f.cookies.office, report.id)).length === 1, { what: 'the slip stored' });
    const versionsBefore = await ok<unknown[]>(f.as('office', 'GET', `/api/reports/${report.id}/versions`));
    const frameBefore = await storedFrame(f.server, report.id);

    const response = await f.move('office', report.id, 'issued', { number: 5, date: '2025-06-30' });
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { code: string; message: string; findings: Finding[] } };
    expect(error.code).toBe('checks_failed');
    expect(error.message).toContain('Q.CHỦ TỊCH');
    expect(error.findings.map((finding) => [finding.rule, finding.severity, finding.part])).toEqual([['authority-form', 'error', 'frame']]);

    // Nothing changed: still approved, no number, no issue's version or audit entry, the rooms still written.
    expect((await ok<Report>(f.as('office', 'GET', `/api/reports/${report.id}`))).status).toBe('approved');
    expect(await storedFrame(f.server, report.id)).toEqual(frameBefore);
    expect(await ok<unknown[]>(f.as('office', 'GET', `/api/reports/${report.id}/versions`))).toEqual(versionsBefore);
    expect(await auditActions(f, report.id)).toEqual(['status.review', 'status.approved']);
    const section = f.connect('noivu', report.id, 'section/tham-muu');
    await section.synced();
    appendParagraph(section.doc, 'Bổ sung sau khi bị từ chối.');
    await waitFor(async () => {
      const doc = await storedDoc(f.server.store, `${report.id}/section/tham-muu`);
      const stored = doc.getXmlFragment('body').toString().includes('Bổ sung sau khi bị từ chối.');
      doc.destroy();
      return stored;
    }, { what: 'a department’s edit stored after the refusal' });

    // The office fixes the title: the same report issues, with the number asked for.
    frame.doc.getMap(FRAME_MAP).set('signTitle', 'Q. CHỦ TỊCH');
    await waitFor(async () => (await checkErrors(f.server.url, f.cookies.office, report.id)).length === 0, { what: 'the fix stored' });
    const issued = await ok<Report>(f.move('office', report.id, 'issued', { number: 5, date: '2025-06-30' }));
    expect(issued).toMatchObject({ status: 'issued', number: '05' });
  });

  it('is refused for parts left empty and a body without "./.", each named; the number and date it gives itself', async () => {
    const report = await f.newReport('Báo cáo chưa viết xong');
    // Moved along without the fixture's filling: straight to review and approval.
    await ok(f.move('office', report.id, 'review'));
    await ok(f.move('chair', report.id, 'approved'));
    const response = await f.move('office', report.id, 'issued', { number: 9, date: '2025-06-30' });
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { code: string; findings: Finding[] } };
    expect(error.code).toBe('checks_failed');
    // Each section holds only its parts' headings and empty paragraphs; the body ends with a heading.
    expect(error.findings.map((finding) => [finding.rule, finding.part])).toEqual([
      ['empty-part', 'section/tham-muu'],
      ['empty-part', 'section/ket-qua'],
      ['empty-part', 'section/danh-gia'],
      ['closing-mark', 'section/danh-gia'],
      ['empty-part', 'section/kien-nghi'],
    ]);
    expect((await storedFrame(f.server, report.id)).number ?? '').toBe('');
    expect((await ok<Report>(f.as('office', 'GET', `/api/reports/${report.id}`))).status).toBe('approved');
  });
});
