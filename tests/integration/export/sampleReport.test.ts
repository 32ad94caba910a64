/**
 * The sample report (the demo workspace's, ../shared/samples/bao-cao-so-ket-de-an-dhtt-2024.md) exported by
 * a real server from its stored rooms, unzipped and read back (issue 5, "Tests").
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardCatalogue } from '../../../common/awards.js';
import { loadReport, loadRoom } from '../../../server/export/loadReport.js';
import { mm } from '../../../server/export/layout.js';
import { DOCX_CONTENT_TYPE } from '../../../server/routes/export.js';
import { loadAwardCatalogue } from '../../../server/templates/loadAwardCatalogue.js';
import { sectionText } from '../../helpers/sectionText.js';
import { docxParts, malformedParts, part, readParagraphs, squash } from './support/docxFile.js';
import { expectedParagraphs } from './support/expectedText.js';
import { fetchExport, startDemoServer, type DemoServer } from './support/exportServer.js';

/** The attributes of the first `<w:name …/>` in `xml`. */
function attributes(xml: string, name: string): Record<string, string> {
  const element = new RegExp(`<${name}\\s([^>]*?)/?>`).exec(xml)?.[1] ?? '';
  return Object.fromEntries([...element.matchAll(/([\w:]+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
}

/** The run properties of the run whose text is exactly `text`. */
function runPropertiesOf(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}</w:t></w:r>`);
  if (at < 0) throw new Error(`no run "${text}"`);
  const start = xml.lastIndexOf('<w:r>', at);
  return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml.slice(start, at))?.[1] ?? '';
}

/** The header part a section property points to. */
function headerOf(parts: Map<string, string>, type: 'first' | 'default'): string {
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(part(parts, 'word/document.xml'))?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(part(parts, 'word/_rels/document.xml.rels'))?.[1];
  return part(parts, `word/${target}`);
}

describe('the sample report exported to Word', () => {
  let demo: DemoServer;
  let catalogue: AwardCatalogue;
  let response: Response;
  let bytes: Uint8Array;
  let parts: Map<string, string>;
  let document: string;

  beforeAll(async () => {
    demo = await startDemoServer();
    catalogue = (await loadAwardCatalogue(resolve(import.meta.dirname, '../../../templates'))).catalogue;
    response = await fetchExport(demo.server.url, demo.server.adminCookie, demo.report.id);
    bytes = new Uint8Array(await response.clone().arrayBuffer());
    parts = await docxParts(bytes);
    document = part(parts, 'word/document.xml');
  });

  afterAll(async () => {
    await demo?.server.close();
  });

  it('downloads as a Word file named <symbol>-<date>-<subject>.docx', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_CONTENT_TYPE);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="BC-UBND-2024-02-05-Ket-qua-so-ket-01-nam-trien-khai-[A-Za-z0-9-]+\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^BC-UBND-2024-02-05-Kết quả sơ kết 01 năm/);
  });

  it('is well-formed native OOXML: paragraphs and tables, no altChunk, no HTML', () => {
    expect(malformedParts(parts)).toEqual([]);
    expect([...parts.keys()].filter((name) => /altchunk|\.html?$|\.mht/i.test(name))).toEqual([]);
    expect(document).not.toMatch(/altChunk/);
    expect(part(parts, '[Content_Types].xml')).not.toMatch(/html|afchunk/i);
    expect(document.match(/<w:tbl>/g)?.length).toBe(3); // header, award tally, footer
    expect(document.match(/<w:p>/g)?.length ?? 0).toBeGreaterThan(50);
  });

  it('is A4 with margins inside the ranges, and its section properties close the body', () => {
    expect(document.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(document).toMatch(/<\/w:sectPr><\/w:body><\/w:document>$/);
    expect(attributes(document, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const margin = Object.fromEntries(Object.entries(attributes(document, 'w:pgMar')).map(([key, value]) => [key, Number(value)]));
    expect(margin['w:top']).toBeGreaterThanOrEqual(mm(20));
    expect(margin['w:top']).toBeLessThanOrEqual(mm(25));
    expect(margin['w:bottom']).toBeGreaterThanOrEqual(mm(20));
    expect(margin['w:bottom']).toBeLessThanOrEqual(mm(25));
    expect(margin['w:left']).toBeGreaterThanOrEqual(mm(30));
    expect(margin['w:left']).toBeLessThanOrEqual(mm(35));
    expect(margin['w:right']).toBeGreaterThanOrEqual(mm(15));
    expect(margin['w:right']).toBeLessThanOrEqual(mm(20));
  });

  it('sets all text in Times New Roman, 14 pt by default, black', () => {
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(part(parts, 'word/styles.xml'))?.[1] ?? '';
    expect(attributes(defaults, 'w:rFonts')).toEqual({
      'w:ascii': 'Times New Roman',
      'w:cs': 'Times New Roman',
      'w:eastAsia': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
    });
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:color w:val="000000"/>');
    const otherFonts = [...document.matchAll(/w:(?:ascii|hAnsi)="([^"]+)"/g)].map((match) => match[1]).filter((font) => font !== 'Times New Roman');
    expect(otherFonts).toEqual([]);
  });

  it('justifies body paragraphs with a 1.27 cm first-line indent and 6 pt between them', () => {
    // "34-CT/TW" is a symbol: its hyphen is Word's no-break hyphen, between two pieces of text (issue 12).
    const paragraph = /<w:p><w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr><w:r>(?:(?!<\/w:p>).)*Thực hiện Chỉ thị số 34<\/w:t><w:noBreakHyphen\/>/.exec(document)?.[1] ?? '';
    expect(paragraph).toContain('<w:jc w:val="both"/>');
    expect(attributes(paragraph, 'w:ind')).toMatchObject({ 'w:firstLine': '720' });
    expect(Number(attributes(paragraph, 'w:spacing')['w:before'])).toBeGreaterThanOrEqual(120);
    expect(document.match(/w:firstLine="720"/g)!.length).toBeGreaterThan(30);
  });

  it('shows no page number on page 1 and a centred PAGE field on the others', () => {
    expect(/<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)?.[0]).toContain('<w:titlePg/>');
    const first = headerOf(parts, 'first');
    const other = headerOf(parts, 'default');
    expect(first).not.toMatch(/PAGE|fldChar|fldSimple/);
    expect(other).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(other).toContain('<w:jc w:val="center"/>');
  });

  it('marks the draft "DỰ THẢO" at the top of page 1', () => {
    expect(demo.report.status).toBe('draft');
    expect(headerOf(parts, 'first')).toContain('>DỰ THẢO</w:t>');
  });

  it('sets "Nơi nhận:" bold italic in 12 pt and the recipients in 11 pt', () => {
    const label = runPropertiesOf(document, 'Nơi nhận:');
    expect(label).toContain('<w:b/>');
    expect(label).toContain('<w:i/>');
    expect(label).toContain('<w:sz w:val="24"/>');
    for (const recipient of ['- Sở Nội vụ;', '- UBND xã, thị trấn;', '- Lưu: VT, NV (Thu).']) {
      const properties = runPropertiesOf(document, recipient);
      expect(properties).toContain('<w:sz w:val="22"/>');
      expect(properties).not.toContain('<w:b/>');
    }
  });

  it('reads back exactly what the rooms hold, the award tally as a table and its sentence included', async () => {
    const input = await loadReport(demo.server.store, demo.report);
    expect(await readParagraphs(bytes)).toEqual(expectedParagraphs(input, catalogue));
  });

  it('holds every text of every section room, in order', async () => {
    const text = (await readParagraphs(bytes)).join('\n');
    let from = 0;
    for (const section of demo.report.sections) {
      const doc = await loadRoom(demo.server.store, section.room);
      for (const line of sectionText(doc).split('\n').map(squash).filter(Boolean)) {
        const at = text.indexOf(line, from);
        expect(at, `"${line.slice(0, 60)}…" of ${section.id}`).toBeGreaterThanOrEqual(from);
        from = at + line.length;
      }
      doc.destroy();
    }
  });

  it('prints the sample’s header, title, award sentence, ending and signature', async () => {
    const paragraphs = await readParagraphs(bytes);
    for (const line of [
      'UBND TỈNH ĐỒNG THÁP',
      'ỦY BAN NHÂN DÂN HUYỆN LẤP VÒ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /BC-UBND',
      'Lấp Vò, ngày 05 tháng 02 năm 2024',
      'BÁO CÁO',
      'Kết quả sơ kết 01 năm triển khai thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến” giai đoạn 2022 - 2025',
      'I. CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN',
      '1. Công tác lãnh đạo, chỉ đạo trong triển khai thực hiện Đề án.',
      '- Mô hình “Ba đồng hành cùng Nhân dân” do Công an Huyện phát động;',
      'Bằng khen của Thủ tướng Chính phủ (02 cá nhân); Ủy ban nhân dân tỉnh đã tặng thưởng: Cờ thi đua tỉnh (03 tập thể); Tập thể lao động xuất sắc (04 tập thể); Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (19 tập thể và 47 cá nhân).',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
      'Nơi nhận:',
      '- Q.CT, PCT/UBND Huyện;',
      '- Lưu: VT, NV (Thu).',
      'TM. ỦY BAN NHÂN DÂN',
      'Q. CHỦ TỊCH',
      'Trương Thị Diệp',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
    // The number is blank until the report is issued, leaving room to write it by hand; the room is of
    // no-break spaces and the symbol's hyphen a no-break hyphen, so the line never breaks (issue 12).
    expect(document).toContain('>Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/BC</w:t><w:noBreakHyphen/><w:t xml:space="preserve">UBND</w:t>');
    const body = paragraphs.slice(0, paragraphs.indexOf('Nơi nhận:'));
    expect(body[body.length - 1]).toMatch(/trên địa bàn Huyện\.\/\.$/);
    expect(paragraphs.filter((line) => line.endsWith('./.'))).toHaveLength(1);
    expect(paragraphs.join('\n')).toBe(paragraphs.join('\n').normalize('NFC'));
  });
});
