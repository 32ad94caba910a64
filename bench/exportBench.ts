/**
 * The Word export of a long report (issue 5: "A 100-page report exports in under a second"): fills the four
 * sections of a new report on the running server with about 100 pages of numbered items, points, prose,
 * lists and an award tally, then times `GET /api/reports/:id/export.docx` end to end (median of a few
 * downloads after one warm-up). The page count is LibreOffice's, when `soffice` is installed.
 *
 * Run alone with `npx tsx bench/exportBench.ts`; `npm run bench` runs it against its server too.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { connectClient, createReport, sleep, textLength, waitUntil, type RoomEndpoint } from './client.js';
import { startServerProcess } from './serverProcess.js';
import { median, round2 } from './stats.js';
import { vietnameseParagraphs } from './text.js';

const run = promisify(execFile);

/** Characters of body text; about 2,300 fill an A4 page of the export (14 pt, 1.2 lines, 160 mm wide). */
const TOTAL_CHARS = 235_000;
/** Paragraphs per transaction: ~10,000 characters, far under the message limit. */
const PARAGRAPHS_PER_TRANSACTION = 20;
const DOWNLOADS = 5;

export interface ExportResult {
  /** Pages of the file as LibreOffice lays it out; null without `soffice`. */
  pages: number | null;
  /** Median time of a download, request to last byte. */
  ms: number;
  runsMs: number[];
  bytes: number;
  chars: number;
  /** Bytes of the report's section states (what the export's size limit is measured against, about). */
  stateBytes: number;
  /** The long report, for other measurements on the same server (not printed). */
  reportId: string;
}

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

const text = (value: string) => element('paragraph', [new Y.XmlText(value)]);
const heading = (level: 2 | 3, value: string) => element('heading', [new Y.XmlText(value)], { level });

/** A section's nodes: every sixth paragraph starts an item, points and a list in between. */
function sectionNodes(paragraphs: readonly string[], withTally: boolean): Y.XmlElement[] {
  const nodes: Y.XmlElement[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index % 6 === 0) nodes.push(heading(2, paragraph.slice(0, 80)));
    if (index % 6 === 2) nodes.push(heading(3, `${paragraph.slice(0, 60)};`));
    if (index % 12 === 5) {
      nodes.push(element('bulletList', [paragraph.slice(0, 150), paragraph.slice(150, 300)].map((item) => element('listItem', [text(item)]))));
    } else {
      nodes.push(text(paragraph));
    }
  });
  if (withTally) {
    const rows = [
      ['bang-khen-thu-tuong', 0, 2],
      ['co-thi-dua-tinh', 3, 0],
      ['bang-khen-chu-tich-ubnd-tinh', 19, 47],
    ].map(([award, collectives, individuals]) => element('awardRow', [], { award, collectives, individuals }));
    nodes.push(element('awardTally', rows));
  }
  return nodes;
}

/**
 * Writes the nodes into a section room in transactions and waits until a fresh client sees them all;
 * returns the size of the room's whole state (about what its snapshot takes in the store).
 */
async function fillRoom(endpoint: RoomEndpoint, room: string, nodes: Y.XmlElement[]): Promise<number> {
  const writer = connectClient(endpoint, room);
  const checker = connectClient(endpoint, room);
  try {
    await writer.synced();
    for (let start = 0; start < nodes.length; start += PARAGRAPHS_PER_TRANSACTION) {
      writer.doc.transact(() => writer.body.insert(writer.body.length, nodes.slice(start, start + PARAGRAPHS_PER_TRANSACTION)));
      await sleep(0);
    }
    const expected = textLength(writer.body);
    await checker.synced();
    await waitUntil(() => textLength(checker.body) >= expected, `the server to hold ${room}`, 60_000, 20);
    return Y.encodeStateAsUpdate(checker.doc).byteLength;
  } finally {
    writer.destroy();
    checker.destroy();
  }
}

/** LibreOffice's page count of a .docx, or null when it cannot be had. */
async function pageCount(bytes: Uint8Array): Promise<number | null> {
  const dir = await mkdtemp(join(tmpdir(), 'dong-soan-bench-export-'));
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(join(dir, 'report.docx'), bytes);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], {
      timeout: 180_000,
    });
    const { stdout } = await run('pdfinfo', [join(dir, 'report.pdf')]);
    const pages = /^Pages:\s*(\d+)/m.exec(stdout)?.[1];
    return pages ? Number(pages) : null;
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** One download, timed from the request to the last byte. */
async function download(url: string, cookie: string): Promise<{ ms: number; bytes: Uint8Array }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`export: ${response.status} ${new TextDecoder().decode(bytes)}`);
  return { ms, bytes };
}

/** Fills a new report on `server` with ~100 pages and times its export. */
export async function measureExport(server: RoomEndpoint & { url: string }, info: (message: string) => void = () => undefined): Promise<ExportResult> {
  const report = await createReport(server.url, server.cookie);
  const perSection = Math.ceil(TOTAL_CHARS / report.sections.length);
  info(`export: filling ${report.sections.length} sections with ${TOTAL_CHARS} characters`);
  let stateBytes = 0;
  for (const [index, section] of report.sections.entries()) {
    const paragraphs = vietnameseParagraphs(perSection, 500, index + 1);
    stateBytes += await fillRoom(server, section.room, sectionNodes(paragraphs, index === 1));
  }
  const url = `${server.url}/api/reports/${report.id}/export.docx`;
  const warm = await download(url, server.cookie);
  const runsMs: number[] = [];
  for (let index = 0; index < DOWNLOADS; index++) runsMs.push(round2((await download(url, server.cookie)).ms));
  info(`export: downloads took ${runsMs.join(', ')} ms; counting pages with LibreOffice`);
  return {
    pages: await pageCount(warm.bytes),
    ms: round2(median(runsMs)),
    runsMs,
    bytes: warm.bytes.byteLength,
    chars: TOTAL_CHARS,
    stateBytes,
    reportId: report.id,
  };
}

async function main(): Promise<void> {
  const server = await startServerProcess({});
  try {
    const result = await measureExport(server, (message) => process.stderr.write(`bench: ${message}\n`));
    process.stdout.write(`${JSON.stringify({ export100Pages: result })}\n`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
