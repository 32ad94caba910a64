/**
 * Issuing a report (issue 10, item 2; CONTRACT.md, "Issued") against a real server with real y-websocket
 * clients: the number and date written into the frame room, every room frozen for everyone (a writer
 * connected during the issue is closed 4403 on its next write and nothing of it is stored), the final Word
 * file stored once and returned byte for byte with its SHA-256 across downloads and restarts, and nothing
 * about the report or its review changing afterwards.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportListEntry } from '../../../common/report.js';
import type { CommentThread, Suggestion } from '../../../common/review.js';
import { FRAME_MAP, REVIEW_STATE_MAP, sectionRoom } from '../../../common/rooms.js';
import { login } from '../../helpers/api.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { makeDataDir, startServer } from '../../helpers/startServer.js';
import { storedText } from '../../helpers/storedDoc.js';
import { upgradeStatus } from '../../helpers/collabClient.js';
import { waitFor } from '../../helpers/waitFor.js';
import { docxParts, part } from '../export/support/docxFile.js';
import { anchorOfWords } from '../review/support.js';
import { nextCloseCode, storeBytesContain } from '../security/support.js';
import { auditActions, ok, refused, startWorkflowServer, storedFrame, type WorkflowFixture } from './support.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(f: WorkflowFixture, who: 'office' | 'noivu' | 'chair', reportId: string): Promise<{ bytes: Uint8Array; hash: string | null }> {
  const response = await f.as(who, 'GET', `/api/reports/${reportId}/export.docx`);
  expect(response.status, await response.clone().text().catch(() => '')).toBe(200);
  return { bytes: new Uint8Array(await response.arrayBuffer()), hash: response.headers.get('x-content-sha256') };
}

describe('issuing a report', () => {
  let f: WorkflowFixture;
  let report: Report;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
    await f.bringTo(report.id, 'approved');
  });
  afterEach(async () => {
    await f.close();
  });

  it('writes the number and date into the frame room, live and stored, and every answer carries them', async () => {
    const frameWriter = f.connect('office', report.id, 'frame');
    const frameReader = f.connect('chair', report.id, 'frame');
    const reviewReader = f.connect('noivu', report.id, 'review');
    await Promise.all([frameWriter.synced(), frameReader.synced(), reviewReader.synced()]);
    expect(frameReader.doc.getMap(FRAME_MAP).get('number')).toBe('');

    const issued = await ok<Report>(f.move('office', report.id, 'issued', { number: 5, date: '2025-06-28' }));
    expect(issued).toMatchObject({ status: 'issued', number: '05', symbol: 'BC-UBND', date: '2025-06-28', issuedBy: f.ids.office });
    expect(issued.issuedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.issuedAt).toBe(f.clock.now().toISOString());

    for (const client of [frameWriter, frameReader]) {
      await waitFor(() => client.doc.getMap(FRAME_MAP).get('number') === '05' && client.doc.getMap(FRAME_MAP).get('date') === '2025-06-28', {
        what: 'the number and date in the frame room',
      });
    }
    expect(await storedFrame(f.server, report.id)).toMatchObject({ number: '05', date: '2025-06-28', symbol: 'BC-UBND' });
    const review = reviewReader.doc.getMap(REVIEW_STATE_MAP);
    await waitFor(() => review.get('status') === 'issued', { what: 'the review room showing issued' });
    expect(review.toJSON()).toMatchObject({ number: '05', symbol: 'BC-UBND', date: '2025-06-28', issuedSha256: issued.issuedSha256 });

    expect(await ok<Report>(f.as('vhtt', 'GET', `/api/reports/${report.id}`))).toMatchObject({ number: '05', issuedSha256: issued.issuedSha256 });
    const listed = (await ok<ReportListEntry[]>(f.as('noivu', 'GET', '/api/reports'))).find((entry) => entry.id === report.id);
    expect(listed).toMatchObject({ status: 'issued', number: '05', date: '2025-06-28', issuedSha256: issued.issuedSha256 });
    const entries = await ok<Array<{ action: string; detail: Record<string, string> }>>(f.as('chair', 'GET', `/api/reports/${report.id}/audit`));
    expect(entries.at(-1)).toMatchObject({ action: 'status.issued', detail: { from: 'approved', number: '05', symbol: 'BC-UBND', date: '2025-06-28', sha256: issued.issuedSha256 } });
  });

  it('freezes every room: a writer connected during the issue is closed 4403 on its next write, and nothing of it is stored', async () => {
    const department = f.connect('noivu', report.id, 'section/tham-muu');
    const officeSection = f.connect('office', report.id, 'section/ket-qua');
    const officeFrame = f.connect('office', report.id, 'frame');
    await Promise.all([department.synced(), officeSection.synced(), officeFrame.synced()]);
    appendParagraph(department.doc, 'Viết trước khi ban hành.');
    await waitFor(async () => (await storedText(f.server.store, sectionRoom(report.id, 'tham-muu'))).includes('trước khi ban hành'));

    await ok<Report>(f.move('office', report.id, 'issued', { number: 3 }));

    const writes = [
      { client: department, room: sectionRoom(report.id, 'tham-muu'), write: () => appendParagraph(department.doc, 'SAU-BAN-HANH-1') },
      { client: officeSection, room: sectionRoom(report.id, 'ket-qua'), write: () => appendParagraph(officeSection.doc, 'SAU-BAN-HANH-2') },
      { client: officeFrame, room: `${report.id}/frame`, write: () => officeFrame.doc.getMap(FRAME_MAP).set('subject', 'SAU-BAN-HANH-3') },
    ];
    for (const [index, { client, room, write }] of writes.entries()) {
      const closed = nextCloseCode(client);
      write();
      expect(await closed, room).toBe(4403);
      client.provider.disconnect();
      expect(await storeBytesContain(f.server.store, room, `SAU-BAN-HANH-${index + 1}`), room).toBe(false);
    }
    expect(await storedText(f.server.store, sectionRoom(report.id, 'tham-muu'))).toContain('trước khi ban hành');
    expect((await storedFrame(f.server, report.id)).subject).not.toBe('SAU-BAN-HANH-3');

    // New connections may read every room, and write none.
    for (const part of ['frame', 'section/tham-muu', 'review']) expect(await upgradeStatus(f.server.collabUrl, `${report.id}/${part}`, f.cookies.office)).toBe(101);
    for (const [who, part] of [['office', 'frame'], ['admin', 'section/ket-qua'], ['noivu', 'section/tham-muu']] as const) {
      const late = f.connect(who, report.id, part);
      await late.synced();
      const closed = nextCloseCode(late);
      if (part === 'frame') late.doc.getMap(FRAME_MAP).set('signerName', 'MUON-1');
      else appendParagraph(late.doc, 'MUON-1');
      expect(await closed, `${who} ${part}`).toBe(4403);
      late.provider.disconnect();
      expect(await storeBytesContain(f.server.store, part === 'frame' ? `${report.id}/frame` : `${report.id}/${part}`, 'MUON-1')).toBe(false);
    }
  });

  it('stores the final Word file once, without DỰ THẢO: every download returns the same bytes with their SHA-256', async () => {
    const writer = f.connect('noivu', report.id, 'section/tham-muu');
    await writer.synced();
    appendParagraph(writer.doc, 'Khen thưởng 12 tập thể và 30 cá nhân.');
    await waitFor(async () => (await storedText(f.server.store, sectionRoom(report.id, 'tham-muu'))).includes('30 cá nhân'));
    const draft = await download(f, 'office', report.id);
    expect(draft.hash).toBeNull();

    const issued = await ok<Report>(f.move('office', report.id, 'issued', { number: 12, date: '2025-06-30' }));
    const first = await download(f, 'office', report.id);
    const second = await download(f, 'noivu', report.id);
    expect(first.hash).toBe(issued.issuedSha256);
    expect(sha256(first.bytes)).toBe(issued.issuedSha256);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(second.hash).toBe(issued.issuedSha256);

    const parts = await docxParts(first.bytes);
    for (const [name, xml] of parts) expect(xml, name).not.toContain('DỰ THẢO');
    const document = part(parts, 'word/document.xml');
    // A no-break space after "Số:" and a no-break hyphen in the symbol (issue 12).
    expect(document).toContain('>Số:\u00A012/BC</w:t><w:noBreakHyphen/><w:t xml:space="preserve">UBND</w:t>');
    expect(document).toContain('ngày 30 tháng 6 năm 2025');
    expect(document).toContain('Khen thưởng 12 tập thể và 30 cá nhân.');
  });

  it('returns the same bytes after the server restarts on the same data', async () => {
    const dataDir = await makeDataDir();
    const clockAt = f.clock.now().toISOString();
    await f.close();
    try {
      f = await startWorkflowServer({ dataDir });
      f.clock.set(clockAt);
      const fresh = await f.newReport();
      await f.bringTo(fresh.id, 'approved');
      const issued = await ok<Report>(f.move('office', fresh.id, 'issued'));
      const before = await download(f, 'office', fresh.id);
      await f.close();

      const again = await startServer({ dataDir });
      try {
        const cookie = await login(again.url, f.ws.chair.username, f.ws.chair.password);
        const response = await fetch(`${again.url}/api/reports/${fresh.id}/export.docx`, { headers: { cookie } });
        expect(response.status).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(Buffer.from(bytes).equals(Buffer.from(before.bytes))).toBe(true);
        expect(response.headers.get('x-content-sha256')).toBe(issued.issuedSha256);
        expect(sha256(bytes)).toBe(issued.issuedSha256);
        // Still frozen after the restart: the status is stored.
        const statusAfter = await fetch(`${again.url}/api/reports/${fresh.id}/status`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'draft' }),
        });
        expect(statusAfter.status).toBe(409);
      } finally {
        await again.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('changes nothing after issuing: no status, no comment, suggestion, verdict or assignment (409 report_issued); reading stays allowed', async () => {
    const writer = f.connect('noivu', report.id, 'section/tham-muu');
    await writer.synced();
    const quote = '12 tập thể';
    appendParagraph(writer.doc, `Khen thưởng ${quote}.`);
    await waitFor(async () => (await storedText(f.server.store, sectionRoom(report.id, 'tham-muu'))).includes(quote));
    const anchor = anchorOfWords(writer.doc, quote);
    const base = `/api/reports/${report.id}`;
    const thread = await ok<CommentThread>(f.as('chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote, body: 'Kiểm tra lại' }), 201);
    const suggestion = await ok<Suggestion>(
      f.as('chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote, replacement: '13 tập thể' }),
      201,
    );
    await ok(f.move('office', report.id, 'issued'));
    const textBefore = await storedText(f.server.store, sectionRoom(report.id, 'tham-muu'));
    const auditBefore = await auditActions(f, report.id);

    for (const [who, to] of [['office', 'draft'], ['chair', 'draft'], ['office', 'issued'], ['admin', 'review'], ['chair', 'approved']] as const) {
      await refused(f.move(who, report.id, to), 409, 'report_issued');
    }
    const changes: Array<['chair' | 'noivu' | 'office', string, string, unknown]> = [
      ['chair', 'POST', `${base}/comments`, { sectionId: 'tham-muu', anchor, quote, body: 'Thêm' }],
      ['noivu', 'POST', `${base}/comments/${thread.id}/replies`, { body: 'Đã sửa' }],
      ['chair', 'PATCH', `${base}/comments/${thread.id}`, { resolved: true }],
      ['chair', 'POST', `${base}/suggestions`, { sectionId: 'tham-muu', anchor, quote, replacement: 'x' }],
      ['noivu', 'POST', `${base}/suggestions/${suggestion.id}/accept`, undefined],
      ['office', 'POST', `${base}/suggestions/${suggestion.id}/reject`, undefined],
      ['chair', 'PUT', `${base}/sections/tham-muu/review`, { state: 'approved' }],
      ['office', 'PUT', `${base}/sections/ket-qua`, { ownerDepartmentId: f.ws.departments.noivu.id }],
    ];
    for (const [who, method, path, body] of changes) await refused(f.as(who, method, path, body), 409, 'report_issued');

    expect(await storedText(f.server.store, sectionRoom(report.id, 'tham-muu'))).toBe(textBefore);
    expect(await auditActions(f, report.id)).toEqual(auditBefore);
    const threads = await ok<CommentThread[]>(f.as('noivu', 'GET', `${base}/comments`));
    expect(threads.map((entry) => [entry.id, entry.resolved, entry.replies.length])).toEqual([[thread.id, false, 0]]);
    expect((await ok<Suggestion[]>(f.as('vhtt', 'GET', `${base}/suggestions`))).map((entry) => entry.state)).toEqual(['open']);
    await ok(f.as('noivu', 'POST', `${base}/comments/${thread.id}/read`), 204);
    await ok(f.as('chair', 'GET', `${base}/versions`));
  });

  it('refuses to send a report back to draft while it is being issued: one of the two wins, wholly', async () => {
    const [issue, sendBack] = await Promise.all([f.move('office', report.id, 'issued'), f.move('chair', report.id, 'draft')]);
    const final = await ok<Report>(f.as('office', 'GET', `/api/reports/${report.id}`));
    if (issue.status === 200) {
      await refused(Promise.resolve(sendBack), 409, 'report_issued');
      expect(final.status).toBe('issued');
    } else {
      expect(sendBack.status).toBe(200);
      await refused(Promise.resolve(issue), 409, 'invalid_transition');
      expect(final.status).toBe('draft');
      expect((await storedFrame(f.server, report.id)).number).toBe('');
    }
  });
});
