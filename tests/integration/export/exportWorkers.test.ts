/**
 * Word files are built off the event loop, in a bounded pool of worker threads (issue 8, item 3): while a
 * large export is being built the server still answers and relays edits; a report over the size limit is
 * refused with 413, an export beyond the threads and the queue with 503, and a worker that dies fails its
 * own export alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/report.js';
import { defaultConfig } from '../../../server/config.js';
import type { ExportOptions } from '../../../server/export/exportOptions.js';
import { call, createReport } from '../../helpers/api.js';
import { useRoomClients } from '../../helpers/roomClients.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { docxParts, malformedParts, part } from './support/docxFile.js';
import { fetchExport } from './support/exportServer.js';
import { exportReachesServer, largeParagraph, writeParagraphs } from './support/largeReport.js';

/** A test server whose export options differ from the defaults by `options`. */
function startWithExport(options: Partial<ExportOptions>): Promise<TestServer> {
  return startServer({ config: { export: { ...defaultConfig().export, ...options } } });
}

/** A new report whose first section holds `paragraphs` more paragraphs, written into the store. */
async function reportWithParagraphs(server: TestServer, title: string, paragraphs: number): Promise<Report> {
  const report = await createReport(server.url, { title }, server.adminCookie);
  await writeParagraphs(server.store, report.sections[0]!.room, paragraphs);
  return report;
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('an export built in a worker thread (one thread, one queue place)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startWithExport({ threads: 1, queue: 1 });
  });

  afterAll(async () => {
    await server?.close();
  });
  // Synced clients as the admin (who may write every room); registered after the server's afterAll, so
  // they leave before it closes.
  const open = useRoomClients(() => server, () => server.adminCookie, { until: 'all' });

  // The worker runs niced (+10): on a machine busy with other tests this export may take a while.
  it('answers a health check and relays an edit in another report before a 20,000-paragraph export is answered', { timeout: 90_000 }, async () => {
    const large = await reportWithParagraphs(server, 'Báo cáo hai mươi nghìn đoạn', 20_000);
    const other = await createReport(server.url, { title: 'Báo cáo đang soạn' }, server.adminCookie);
    const [writer, reader] = [await open(other.sections[0]!.room), await open(other.sections[0]!.room)];
    const order: string[] = [];

    const reached = exportReachesServer(server, large.id);
    const exported = fetchExport(server.url, server.adminCookie, large.id).then((response) => {
      order.push('export');
      return response;
    });
    await reached;
    // The export is now the server's: built on the event loop, nothing below could be answered before it.
    const health = call(server.url, server.adminCookie, 'GET', '/api/health').then(async (response) => {
      expect(await response.json()).toMatchObject({ status: 'ok' });
      order.push('health');
    });
    appendParagraph(writer.doc, 'Sửa trong lúc đang xuất báo cáo khác');
    const relay = waitFor(() => sectionText(reader.doc).includes('Sửa trong lúc đang xuất'), { what: 'the edit relayed' }).then(() => {
      order.push('relay');
    });
    await Promise.all([health, relay]);
    const response = await exported;

    expect(order.slice(0, 2).sort()).toEqual(['health', 'relay']);
    expect(order[2]).toBe('export');
    expect(response.status).toBe(200);
    const parts = await docxParts(new Uint8Array(await response.arrayBuffer()));
    expect(malformedParts(parts)).toEqual([]);
    const document = part(parts, 'word/document.xml');
    expect(document).toContain(largeParagraph(0));
    expect(document).toContain(largeParagraph(19_999));
  });

  it('refuses a third export at once with 503 export_busy while the thread and the queue place are taken, and builds the next', async () => {
    const report = await reportWithParagraphs(server, 'Báo cáo xuất cùng lúc', 4_000);
    const responses = await Promise.all([1, 2, 3].map(() => fetchExport(server.url, server.adminCookie, report.id)));
    const statuses = responses.map((response) => response.status);
    expect([...statuses].sort()).toEqual([200, 200, 503]);
    const busy = responses[statuses.indexOf(503)]!;
    expect(await expectError(busy, 503, 'export_busy')).toMatch(/thử lại/);
    for (const response of responses.filter((each) => each.status === 200)) await response.arrayBuffer();

    const next = await fetchExport(server.url, server.adminCookie, report.id);
    expect(next.status).toBe(200);
    expect([...new Uint8Array(await next.arrayBuffer()).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

describe('the export size limit', () => {
  const LIMIT = 64 * 1024;
  let server: TestServer;

  beforeAll(async () => {
    server = await startWithExport({ maxStoredBytes: LIMIT });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('refuses a report whose stored rooms are over the limit with 413 export_too_large', async () => {
    const report = await createReport(server.url, { title: 'Báo cáo quá lớn' }, server.adminCookie);
    expect(await writeParagraphs(server.store, report.sections[1]!.room, 2_000)).toBeGreaterThan(LIMIT);
    const message = await expectError(await fetchExport(server.url, server.adminCookie, report.id), 413, 'export_too_large');
    expect(message).toMatch(/quá lớn.*tối đa 0\.1 MB/);
  });

  it('still builds a report under the limit', async () => {
    const report = await createReport(server.url, { title: 'Báo cáo vừa' }, server.adminCookie);
    const response = await fetchExport(server.url, server.adminCookie, report.id);
    expect(response.status).toBe(200);
    expect(malformedParts(await docxParts(new Uint8Array(await response.arrayBuffer())))).toEqual([]);
  });
});

describe('a worker over its heap limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    // Enough for a small report; far too little for 10,000 paragraphs.
    server = await startWithExport({ workerHeapMb: 48 });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('fails its own export with 500 export_failed; the server and the next export carry on', async () => {
    const large = await reportWithParagraphs(server, 'Báo cáo vượt bộ nhớ', 10_000);
    const message = await expectError(await fetchExport(server.url, server.adminCookie, large.id), 500, 'export_failed');
    expect(message).toMatch(/Không tạo được tệp Word/);

    const health = await call(server.url, server.adminCookie, 'GET', '/api/health');
    expect(health.status).toBe(200);
    const small = await createReport(server.url, { title: 'Báo cáo nhỏ' }, server.adminCookie);
    const response = await fetchExport(server.url, server.adminCookie, small.id);
    expect(response.status).toBe(200);
    expect(malformedParts(await docxParts(new Uint8Array(await response.arrayBuffer())))).toEqual([]);
  });
});
