/**
 * Tables in the Word file (issue 12, item 2): a table written into a section room comes out as a real
 * `w:tbl` — its rows and cells in order, single black grid lines, cell padding, the text column's width
 * split in the editor's column proportions, the header row bold and repeated — and LibreOffice lays it out
 * row by row, the header again at the top of the next page when the table runs over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProseMirrorJSON } from '../../../common/editorSchema.js';
import type { Report } from '../../../common/report.js';
import { loadRoom } from '../../../server/export/loadReport.js';
import { TEXT_WIDTH } from '../../../server/export/layout.js';
import { createReport } from '../../helpers/api.js';
import { connectClient, type CollabClient } from '../../helpers/collabClient.js';
import { body, sectionText } from '../../helpers/sectionText.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { convertWithLibreOffice, docxParts, malformedParts, part, pdfInfo, pdfPageText } from './support/docxFile.js';
import { downloadExport } from './support/exportServer.js';
import { runText } from './support/wordComments.js';

/** Enough rows that the table runs over a page. */
const FILLER_ROWS = 45;
const HEADER = ['STT', 'Đơn vị', 'Kết quả'];
const ROWS = [
  ['1', 'Xã Tân Mỹ', 'Hoàn thành'],
  ['2', 'Xã Bình Thành', 'Vượt kế hoạch'],
  ...Array.from({ length: FILLER_ROWS }, (_, index) => [String(index + 3), `Ấp số ${index + 3}`, 'Đạt']),
];
/** The editor's column widths (pixels): 1 : 6 : 3. */
const COLWIDTHS = [40, 240, 120];

const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const cell = (type: string, text: string, column: number): ProseMirrorJSON => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: [COLWIDTHS[column]!] },
  content: [paragraph(text)],
});
const TABLE: ProseMirrorJSON = {
  type: 'table',
  content: [
    { type: 'tableRow', content: HEADER.map((text, column) => cell('tableHeader', text, column)) },
    ...ROWS.map((row) => ({ type: 'tableRow', content: row.map((text, column) => cell('tableCell', text, column)) })),
  ],
};

/** A ProseMirror node as the Yjs element the editor's binding would write. */
function toY(node: ProseMirrorJSON): Y.XmlElement | Y.XmlText {
  if (node.type === 'text') return new Y.XmlText(node.text ?? '');
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
  element.insert(0, (node.content ?? []).map(toY));
  return element;
}

/** The `w:tbl` of document.xml that holds `text` (the body's tables are not nested here). */
function tableHolding(documentXml: string, text: string): string {
  const at = documentXml.indexOf(text);
  const start = documentXml.lastIndexOf('<w:tbl>', at);
  const end = documentXml.indexOf('</w:tbl>', at);
  if (at < 0 || start < 0 || end < 0) throw new Error(`no table holds ${text}`);
  return documentXml.slice(start, end + '</w:tbl>'.length);
}

const rowsOf = (table: string) => [...table.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((match) => match[0]);
const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((match) => match[0]);

describe('a table in the Word file', () => {
  let server: TestServer;
  let report: Report;
  let client: CollabClient;
  let bytes: Uint8Array;

  beforeAll(async () => {
    server = await startServer();
    report = await createReport(server.url, { title: 'Báo cáo có bảng' }, server.adminCookie);
    const room = report.sections[1]!.room;
    client = connectClient(server.collabUrl, room, server.adminCookie);
    await client.synced();
    body(client.doc).push([toY(paragraph('Bảng kết quả theo đơn vị:')) as Y.XmlElement, toY(TABLE) as Y.XmlElement]);
    await waitFor(
      async () => {
        const doc = await loadRoom(server.store, room);
        const done = sectionText(doc).includes(`Ấp số ${FILLER_ROWS + 2}`);
        doc.destroy();
        return done;
      },
      { what: 'the table stored' },
    );
    bytes = await downloadExport(server.url, server.adminCookie, report.id);
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it('is a w:tbl with the rows and cells of the editor, in order, in a well-formed file', async () => {
    const parts = await docxParts(bytes);
    expect(malformedParts(parts)).toEqual([]);
    const table = tableHolding(part(parts, 'word/document.xml'), 'Xã Tân Mỹ');
    expect(rowsOf(table).map((row) => cellsOf(row).map(runText))).toEqual([HEADER, ...ROWS]);
  });

  it('has single black grid lines, cell padding, and spans the text column in the editor’s proportions', async () => {
    const table = tableHolding(part(await docxParts(bytes), 'word/document.xml'), 'Xã Tân Mỹ');
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)?.[1] ?? '';
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(borders, side).toMatch(new RegExp(`<w:${side} w:val="single" w:color="000000" w:sz="4"/>`));
    }
    expect(table).toMatch(/<w:tblCellMar>[\s\S]*<w:left w:type="dxa" w:w="100"\/>[\s\S]*<\/w:tblCellMar>/);
    expect(table).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(grid.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH);
    expect(grid.map((width) => Math.round((width / TEXT_WIDTH) * 10))).toEqual([1, 6, 3]);
  });

  it('repeats its header row on every page, in bold, and only the header row', async () => {
    const rows = rowsOf(tableHolding(part(await docxParts(bytes), 'word/document.xml'), 'Xã Tân Mỹ'));
    const repeated = rows.map((row) => /<w:tblHeader(?: w:val="(?:true|1|on)")?\/>/.test(row));
    expect(repeated).toEqual(rows.map((_, index) => index === 0));
    for (const headerCell of cellsOf(rows[0]!)) expect(headerCell).toMatch(/<w:b\/>/);
    expect(cellsOf(rows[1]!)[1]).not.toMatch(/<w:b\/>/);
  });

  it('is laid out by LibreOffice row by row, the header again at the top of the next page', async () => {
    const { pdf, cleanup } = await convertWithLibreOffice(bytes, 'tables');
    try {
      const pages = (await pdfInfo(pdf)).pages;
      const texts = await Promise.all(Array.from({ length: pages }, (_, index) => pdfPageText(pdf, index + 1)));
      const lines = texts.flatMap((text) => text.split('\n'));
      const rowLine = (cells: string[]) => lines.findIndex((line) => new RegExp(`(^|\\s)${cells.join('\\s+')}(\\s|$)`).test(line));
      const order = [HEADER, ...ROWS].map(rowLine);
      expect(order.every((line) => line >= 0), `rows found at lines ${order.join(', ')}`).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // The table runs over a page: the page of its last row starts it again with the header.
      const lastPage = texts.findIndex((text) => text.includes(`Ấp số ${FILLER_ROWS + 2}`));
      const firstPage = texts.findIndex((text) => text.includes('Xã Tân Mỹ'));
      expect(lastPage).toBeGreaterThan(firstPage);
      expect(texts[lastPage]).toMatch(/STT\s+Đơn vị\s+Kết quả/);
    } finally {
      await cleanup();
    }
  }, 180_000);
});
