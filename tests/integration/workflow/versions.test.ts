/**
 * Named versions opened, exported and compared (issue 10, item 5) against a real server with real
 * y-websocket clients: a version reads as the rooms were when it was stored, whatever was written since;
 * its Word file is built from it ("DỰ THẢO" unless it is the issued one, which answers the file stored at
 * issuing); its differences from now are given section by section, paragraph by paragraph, word by word.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VersionDiff, VersionView } from '../../../common/api/versions.js';
import type { Version } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { waitFor } from '../../helpers/waitFor.js';
import { docxParts, part } from '../export/support/docxFile.js';
import { ok, refused, startWorkflowServer, storedFrame, type WorkflowFixture } from './support.js';
import { deleteParagraph, replaceWords, storedSection } from './versionSupport.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('opening, exporting and comparing a version', () => {
  let f: WorkflowFixture;
  let report: Report;
  let version: Version;
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await f.newReport();
    const writer = f.connect('noivu', report.id, 'section/tham-muu');
    const frame = f.connect('office', report.id, 'frame');
    await Promise.all([writer.synced(), frame.synced()]);
    appendParagraph(writer.doc, 'Đã tổ chức 12 hội nghị sơ kết tại xã.');
    appendParagraph(writer.doc, 'Đoạn này sẽ bị xóa khỏi báo cáo.');
    appendParagraph(writer.doc, 'Kết luận của phần tham mưu.');
    frame.doc.getMap(FRAME_MAP).set('subject', 'Sơ kết công tác thi đua 6 tháng đầu năm 2025');
    await storedSection(f, report.id, 'tham-muu', (text) => text.includes('Kết luận của phần tham mưu.'));
    await waitFor(async () => (await storedFrame(f.server, report.id)).subject === 'Sơ kết công tác thi đua 6 tháng đầu năm 2025');
    version = await ok<Version>(f.as('office', 'POST', `/api/reports/${report.id}/versions`, { label: 'Bản gửi Chủ tịch' }), 201);

    // Written after the version: a word changed, a paragraph deleted, one added, the subject changed.
    replaceWords(writer.doc, '12 hội nghị sơ kết', '15 hội nghị tổng kết');
    deleteParagraph(writer.doc, 'Đoạn này sẽ bị xóa');
    appendParagraph(writer.doc, 'Bổ sung: phát động 03 phong trào thi đua.');
    frame.doc.getMap(FRAME_MAP).set('subject', 'Tổng kết công tác thi đua năm 2025');
    await storedSection(f, report.id, 'tham-muu', (text) => text.includes('03 phong trào') && !text.includes('sẽ bị xóa'));
    await waitFor(async () => (await storedFrame(f.server, report.id)).subject === 'Tổng kết công tác thi đua năm 2025');
  });
  afterEach(async () => {
    await f.close();
  });

  it('opens a version read-only for every reader, as the rooms were when it was stored', async () => {
    for (const who of ['office', 'chair', 'noivu', 'vhtt', 'admin'] as const) {
      const view = await ok<VersionView>(f.as(who, 'GET', `/api/reports/${report.id}/versions/${version.id}`));
      expect(view.version).toMatchObject({ id: version.id, label: 'Bản gửi Chủ tịch', kind: 'manual', status: 'draft', by: f.ids.office });
      // The title follows the frame's subject now (issue 10, item 7): it is the report's, not the version's.
      expect(view.report).toMatchObject({ id: report.id, status: 'draft' });
      expect(view.content.frame.subject).toBe('Sơ kết công tác thi đua 6 tháng đầu năm 2025');
      const [thamMuu, ketQua] = view.content.sections;
      expect(thamMuu).toMatchObject({ id: 'tham-muu', number: 'I', heading: 'I. CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN' });
      expect(ketQua?.id).toBe('ket-qua');
      // Numbered headings as the export prints them; the paragraphs as they were, nothing written since.
      expect(thamMuu!.blocks[0]).toEqual({ kind: 'paragraph', role: 'item', depth: 0, text: '1. Công tác lãnh đạo, chỉ đạo trong triển khai thực hiện' });
      const texts = thamMuu!.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
      expect(texts.slice(-3)).toEqual(['Đã tổ chức 12 hội nghị sơ kết tại xã.', 'Đoạn này sẽ bị xóa khỏi báo cáo.', 'Kết luận của phần tham mưu.']);
      expect(texts.join('\n')).not.toContain('03 phong trào');
    }
  });

  it('gives the differences from now: the paragraph changed word by word, the one deleted, the one inserted, and the subject', async () => {
    const diff = await ok<VersionDiff>(f.as('vhtt', 'GET', `/api/reports/${report.id}/versions/${version.id}/diff`));
    expect(diff.version.id).toBe(version.id);
    expect(diff.changed).toBe(true);
    expect(diff.sections.map((section) => [section.id, section.changed])).toEqual([
      ['tham-muu', true],
      ['ket-qua', false],
      ['danh-gia', false],
      ['kien-nghi', false],
    ]);
    const paragraphs = diff.sections[0]!.paragraphs;
    expect(paragraphs.slice(0, -4).every((paragraph) => paragraph.op === 'same')).toBe(true);
    expect(paragraphs.slice(-4)).toEqual([
      {
        op: 'changed',
        role: 'body',
        before: 'Đã tổ chức 12 hội nghị sơ kết tại xã.',
        after: 'Đã tổ chức 15 hội nghị tổng kết tại xã.',
        words: [
          { op: 'same', text: 'Đã tổ chức ' },
          { op: 'deleted', text: '12' },
          { op: 'inserted', text: '15' },
          { op: 'same', text: ' hội nghị ' },
          { op: 'deleted', text: 'sơ' },
          { op: 'inserted', text: 'tổng' },
          { op: 'same', text: ' kết tại xã.' },
        ],
      },
      { op: 'deleted', role: 'body', text: 'Đoạn này sẽ bị xóa khỏi báo cáo.' },
      { op: 'same', role: 'body', text: 'Kết luận của phần tham mưu.' },
      { op: 'inserted', role: 'body', text: 'Bổ sung: phát động 03 phong trào thi đua.' },
    ]);
    expect(diff.frame.map(({ field, before, after }) => [field, before, after])).toEqual([
      ['subject', 'Sơ kết công tác thi đua 6 tháng đầu năm 2025', 'Tổng kết công tác thi đua năm 2025'],
    ]);
    expect(diff.preamble.changed).toBe(false);
  });

  it('exports a version to Word as it was, marked DỰ THẢO', async () => {
    const response = await f.as('noivu', 'GET', `/api/reports/${report.id}/versions/${version.id}/export.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.docx"/);
    const parts = await docxParts(new Uint8Array(await response.arrayBuffer()));
    const document = part(parts, 'word/document.xml');
    expect(document).toContain('Đã tổ chức 12 hội nghị sơ kết tại xã.');
    expect(document).toContain('Đoạn này sẽ bị xóa khỏi báo cáo.');
    expect(document).not.toContain('03 phong trào');
    expect([...parts.values()].some((xml) => xml.includes('>DỰ THẢO</w:t>'))).toBe(true);
    // Downloads are in the audit log, naming the version (issue 10, item 6).
    const entries = await ok<Array<{ action: string; userId: string; detail: Record<string, string> }>>(
      f.as('office', 'GET', `/api/reports/${report.id}/audit`),
    );
    expect(entries.filter((entry) => entry.action === 'export.docx').map(({ userId, detail }) => [userId, detail])).toEqual([
      [f.ids.noivu, { versionId: version.id }],
    ]);
  });

  it('answers the version stored at issuing with exactly the issued file; an earlier one stays a draft', async () => {
    const issued = await f.bringTo(report.id, 'issued', { number: 7, date: '2025-06-30' });
    const versions = await ok<Version[]>(f.as('chair', 'GET', `/api/reports/${report.id}/versions`));
    const atIssue = versions.find((entry) => entry.status === 'issued')!;
    expect(atIssue.label).toBe('Ban hành số 07/BC-UBND');

    const final = await f.as('chair', 'GET', `/api/reports/${report.id}/versions/${atIssue.id}/export.docx`);
    expect(final.status).toBe(200);
    const bytes = new Uint8Array(await final.arrayBuffer());
    expect(sha256(bytes)).toBe(issued.issuedSha256);
    expect(final.headers.get('x-content-sha256')).toBe(issued.issuedSha256);

    const early = await f.as('chair', 'GET', `/api/reports/${report.id}/versions/${version.id}/export.docx`);
    const parts = await docxParts(new Uint8Array(await early.arrayBuffer()));
    expect([...parts.values()].some((xml) => xml.includes('>DỰ THẢO</w:t>'))).toBe(true);
    expect(part(parts, 'word/document.xml')).toContain('Đoạn này sẽ bị xóa khỏi báo cáo.');
  });

  it('answers 404 for a version of another report, and for none', async () => {
    const other = await f.newReport('Báo cáo khác');
    for (const path of [
      `/api/reports/${other.id}/versions/${version.id}`,
      `/api/reports/${other.id}/versions/${version.id}/diff`,
      `/api/reports/${other.id}/versions/${version.id}/export.docx`,
      `/api/reports/${report.id}/versions/khongco`,
      `/api/reports/${report.id}/versions/khong%20co/diff`,
    ]) {
      await refused(f.as('office', 'GET', path), 404, 'not_found');
    }
    await refused(f.as('office', 'POST', `/api/reports/${other.id}/versions/${version.id}/restore`), 404, 'not_found');
  });
});
