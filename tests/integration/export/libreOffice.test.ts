/**
 * The sample report's Word file as LibreOffice lays it out (soffice --headless → PDF, read with poppler):
 * A4 pages, no number on page 1, the page number at the top of every other page, the two-column header and
 * footer, the signer on the last page (issue 5, "Tests").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, pdfInfo, pdfPageText } from './support/docxFile.js';
import { downloadExport, startDemoServer, type DemoServer } from './support/exportServer.js';

/** The non-blank lines of a page, as laid out. */
const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('the sample report laid out by LibreOffice', () => {
  let demo: DemoServer;
  let pdf: string;
  let cleanup: () => Promise<void> = async () => {};
  let pages: number;

  beforeAll(async () => {
    demo = await startDemoServer();
    const bytes = await downloadExport(demo.server.url, demo.server.adminCookie, demo.report.id);
    ({ pdf, cleanup } = await convertWithLibreOffice(bytes, 'sample'));
    pages = (await pdfInfo(pdf)).pages;
  }, 180_000);

  afterAll(async () => {
    await cleanup();
    await demo?.server.close();
  });

  it('is laid out on A4 pages, more than one', async () => {
    expect((await pdfInfo(pdf)).pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('shows no page number on page 1: its top is the draft mark, then the header', async () => {
    const [top, second] = linesOf(await pdfPageText(pdf, 1)).map((line) => line.trim());
    expect(top).toBe('DỰ THẢO');
    expect(second).toMatch(/^UBND TỈNH ĐỒNG THÁP\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(linesOf(await pdfPageText(pdf, 1)).slice(0, 6).filter((line) => /^\s*\d+\s*$/.test(line))).toEqual([]);
  });

  it('numbers every later page at its top: page 2 starts with "2"', async () => {
    for (let page = 2; page <= pages; page++) {
      const [first] = linesOf(await pdfPageText(pdf, page));
      expect(first?.trim(), `page ${page}`).toBe(String(page));
    }
  });

  it('sets the header in two columns: agency beside the national name, number beside place and date', async () => {
    const lines = linesOf(await pdfPageText(pdf, 1));
    expect(lines.some((line) => /ỦY BAN NHÂN DÂN\s{2,}Độc lập - Tự do - Hạnh phúc/.test(line))).toBe(true);
    expect(lines.some((line) => /Số:\s+\/BC-UBND\s{2,}Lấp Vò, ngày 05 tháng 02 năm 2024/.test(line))).toBe(true);
    const title = lines.findIndex((line) => line.trim() === 'BÁO CÁO');
    expect(title).toBeGreaterThan(0);
    expect(lines[title + 1]).toMatch(/Kết quả sơ kết 01 năm/);
  });

  it('ends on the last page with the body’s "./.", "Nơi nhận" beside the authority, and the signer', async () => {
    const last = await pdfPageText(pdf, pages);
    const lines = linesOf(last);
    expect(last).toContain('./.');
    expect(lines.some((line) => /^\s*Nơi nhận:\s{2,}TM\. ỦY BAN NHÂN DÂN\s*$/.test(line))).toBe(true);
    expect(lines.some((line) => /Q\. CHỦ TỊCH/.test(line))).toBe(true);
    // The recipients end beside the space for the signature (five lines of 1.32 em, issue 12); the name is last.
    expect(lines.some((line) => /^\s*- Lưu: VT, NV \(Thu\)\.\s*$/.test(line))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^\s{20,}Trương Thị Diệp\s*$/);
    for (let page = 1; page < pages; page++) expect(await pdfPageText(pdf, page)).not.toContain('Trương Thị Diệp');
  });
});
