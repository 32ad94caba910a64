/**
 * `--open` (issue 12, item 7): how long the demo's report takes to open in a real browser until the person can
 * type. The product is started with the demo workspace (DEMO=1), restarted once on the same data dir so that
 * the seeding is not in the measured process, and the report is opened in Chromium (playwright-core, Debian's
 * /usr/bin/chromium, as the e2e tests do) by the owner of its first section: once cold (the first opening
 * after the server started: its rooms are read from SQLite, its code is not yet compiled), then `runs` times.
 *
 * Every opening is a new browser context (no HTTP cache, no browser copies of rooms), signed in by cookie, so
 * each one downloads the whole client: what a person opening a link for the first time today waits for.
 * "Editable" is the first moment both hold: the first section's editor is `contenteditable="true"`, and the
 * page's save state badge says `saved` (every room of the page, that section's included, synced with the
 * server). Both are stamped by a MutationObserver in the page, measured from the navigation's start
 * (`performance.now()` in the new document); the bench waits for them with `waitForSelector` (a
 * `waitForFunction` polling the page under its Content-Security-Policy left pages half-loaded).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Report, ReportListEntry } from '../common/report.js';
import { login, sleep } from './client.js';
import { machineInfo } from './machine.js';
import { startServerProcess, untilQuiet, type ServerProcess } from './serverProcess.js';
import { median, round2 } from './stats.js';

/** Debian's Chromium and the flags of tests/helpers/browser.ts (not imported: it registers vitest hooks). */
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The demo account that owns the report's first section (templates/demo/sample-report.json, `owners`). */
const DEMO_USER = 'noivu';
/** Issue 12, item 7. */
const AIM_EDITABLE_MS = 1000;
const OPEN_TIMEOUT_MS = 30_000;

/** One opening of the report page. */
export interface OpenTiming {
  /** Navigation start → the first section editable and every room synced (the larger of the two below). */
  editableMs: number;
  /** Navigation start → the first section's editor is contenteditable. */
  editorMs: number;
  /** Navigation start → the save state badge says `saved`. */
  savedMs: number;
  /**
   * Where the time went (navigation start → …): the report's answer (`GET /api/reports/:id`) arrived, the last
   * script needed until editable arrived, the sheet (the report's page) was first drawn.
   */
  phases: { reportAnsweredMs: number; scriptsLoadedMs: number; sheetMs: number };
  /** Bytes transferred (headers included) for scripts and style sheets until editable. */
  jsBytes: number;
  cssBytes: number;
  /** Requests the page made until editable (the document included; room websockets not). */
  requests: number;
  /** Script files fetched until editable. */
  jsFiles: number;
}

export interface OpenReportResult {
  runs: number;
  sections: number;
  /** Medians over the warm runs. */
  editableMs: number;
  editorMs: number;
  savedMs: number;
  /** Medians of each run's {@link OpenTiming.phases}. */
  phases: OpenTiming['phases'];
  runsMs: number[];
  cold: OpenTiming;
  jsBytes: number;
  cssBytes: number;
  requests: number;
  jsFiles: number;
  /** Every warm run's figures. */
  each: OpenTiming[];
  aimEditableUnder1s: boolean;
  machine: { cores: number; loadAvg1mStart: number; loadAvg1mEnd: number };
}

/** The password of `username` from the demo's accounts file ("username password  Name (role…)" lines). */
async function demoPassword(dataDir: string, username: string): Promise<string> {
  const text = await readFile(join(dataDir, 'demo-accounts.txt'), 'utf8');
  for (const line of text.split('\n')) {
    const [name, password] = line.trim().split(/\s+/);
    if (name === username && password !== undefined) return password;
  }
  throw new Error(`demo-accounts.txt has no account "${username}"`);
}

/** The demo report (the only one in the store) with its sections. */
async function demoReport(url: string, cookie: string): Promise<Report> {
  const list = (await (await fetch(`${url}/api/reports`, { headers: { cookie } })).json()) as ReportListEntry[];
  const entry = list[0];
  if (entry === undefined) throw new Error('the demo workspace has no report');
  const response = await fetch(`${url}/api/reports/${encodeURIComponent(entry.id)}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET /api/reports/${entry.id}: ${response.status}`);
  return (await response.json()) as Report;
}

/**
 * Runs in the page before its scripts: records, as the DOM changes (a MutationObserver), the first moment each milestone holds
 * (`window.__openMarks`), and the resources fetched until both do. A string, not a function: tsx compiles
 * functions with `__name` helpers that do not exist in the page.
 */
function markMilestones(sectionId: string): string {
  const editor = JSON.stringify(`[data-testid="editor-${sectionId}"] .ProseMirror[contenteditable="true"]`);
  return `(() => {
    const marks = {};
    window.__openMarks = marks;
    const check = () => {
      const now = performance.now();
      if (marks.editorMs === undefined && document.querySelector(${editor}) !== null) marks.editorMs = now;
      if (marks.savedMs === undefined && document.querySelector('[data-testid="save-state"][data-state="saved"]') !== null) marks.savedMs = now;
      if (marks.sheetMs === undefined && document.querySelector('.sheet') !== null) marks.sheetMs = now;
      if (marks.editorMs === undefined || marks.savedMs === undefined) return;
      observer.disconnect();
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      marks.resources = entries.map((entry) => ({ name: entry.name, type: entry.initiatorType, bytes: entry.transferSize, endMs: entry.responseEnd }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['contenteditable', 'data-state'] });
  })();`;
}

/** Opens `url` in a fresh context signed in with `cookie`; returns its timing. */
async function openOnce(browser: Browser, url: string, cookie: string, sectionId: string): Promise<OpenTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  try {
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), domain: new URL(url).hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript({ content: markMilestones(sectionId) });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`bench: page error: ${error.message}\n`));
    await page.goto(url, { waitUntil: 'commit' });
    await Promise.all([
      page.waitForSelector(`[data-testid="editor-${sectionId}"] .ProseMirror[contenteditable="true"]`, { timeout: OPEN_TIMEOUT_MS }),
      page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: OPEN_TIMEOUT_MS }),
    ]).catch(async (error: unknown) => {
      const state: unknown = await page.evaluate(`({
        marks: window.__openMarks,
        url: location.href,
        saveState: document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') ?? null,
        editable: [...document.querySelectorAll('.ProseMirror')].map((element) => element.getAttribute('contenteditable')),
      })`);
      throw new Error(`the report did not become editable: ${JSON.stringify(state)}`, { cause: error });
    });
    const handle = await page.waitForFunction('window.__openMarks.resources !== undefined && window.__openMarks', undefined, { timeout: OPEN_TIMEOUT_MS });
    const marks = (await handle.jsonValue()) as {
      editorMs: number;
      savedMs: number;
      sheetMs: number;
      resources: { name: string; type: string; bytes: number; endMs: number }[];
    };
    const path = (name: string) => new URL(name).pathname;
    const bytesOf = (extension: string) =>
      marks.resources.filter((entry) => path(entry.name).endsWith(extension)).reduce((sum, entry) => sum + entry.bytes, 0);
    return {
      editableMs: round2(Math.max(marks.editorMs, marks.savedMs)),
      editorMs: round2(marks.editorMs),
      savedMs: round2(marks.savedMs),
      phases: {
        reportAnsweredMs: round2(Math.max(0, ...marks.resources.filter((entry) => /^\/api\/reports\/[^/]+$/.test(path(entry.name))).map((entry) => entry.endMs))),
        scriptsLoadedMs: round2(Math.max(0, ...marks.resources.filter((entry) => path(entry.name).endsWith('.js')).map((entry) => entry.endMs))),
        sheetMs: round2(marks.sheetMs),
      },
      jsBytes: bytesOf('.js'),
      cssBytes: bytesOf('.css'),
      requests: marks.resources.length,
      jsFiles: marks.resources.filter((entry) => path(entry.name).endsWith('.js')).length,
    };
  } finally {
    await context.close();
  }
}

/**
 * Starts the product with the demo workspace, and times one cold and `runs` warm openings of its report.
 * Needs a built client (`npm run build`: the server serves client/dist).
 */
export async function measureOpenReport(runs: number, info: (message: string) => void): Promise<OpenReportResult> {
  const loadAvg1mStart = machineInfo().loadAvg1m;
  const dataDir = await mkdtemp(join(tmpdir(), 'dong-soan-bench-open-'));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  try {
    const seeded = await startServerProcess({ dataDir, demo: true });
    const password = await demoPassword(dataDir, DEMO_USER).finally(() => seeded.stop());
    // Restarted on the same store, so that the measured process did not just seed the demo.
    server = await startServerProcess({ dataDir, demo: true });
    const cookie = await login(server.url, DEMO_USER, password);
    const report = await demoReport(server.url, cookie);
    const sectionId = report.sections[0]!.id;
    const url = `${server.url}/reports/${encodeURIComponent(report.id)}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    await untilQuiet(server);
    info(`opening ${url} as ${DEMO_USER} (${report.sections.length} sections): cold, then ${runs} runs`);
    const cold = await openOnce(browser, url, cookie, sectionId);
    info(`cold: editable after ${cold.editableMs} ms`);
    const each: OpenTiming[] = [];
    for (let run = 0; run < runs; run++) {
      await sleep(200);
      each.push(await openOnce(browser, url, cookie, sectionId));
      const { editableMs, editorMs, savedMs, phases } = each.at(-1)!;
      info(
        `run ${run + 1}: editable after ${editableMs} ms (editor ${editorMs}, saved ${savedMs}; report answered ${phases.reportAnsweredMs}, scripts ${phases.scriptsLoadedMs}, sheet ${phases.sheetMs})`,
      );
    }
    const med = (pick: (timing: OpenTiming) => number) => round2(median(each.map(pick)));
    const editableMs = med((timing) => timing.editableMs);
    return {
      runs,
      sections: report.sections.length,
      editableMs,
      editorMs: med((timing) => timing.editorMs),
      savedMs: med((timing) => timing.savedMs),
      phases: {
        reportAnsweredMs: med((timing) => timing.phases.reportAnsweredMs),
        scriptsLoadedMs: med((timing) => timing.phases.scriptsLoadedMs),
        sheetMs: med((timing) => timing.phases.sheetMs),
      },
      runsMs: each.map((timing) => timing.editableMs),
      cold,
      jsBytes: med((timing) => timing.jsBytes),
      cssBytes: med((timing) => timing.cssBytes),
      requests: med((timing) => timing.requests),
      jsFiles: med((timing) => timing.jsFiles),
      each,
      aimEditableUnder1s: editableMs < AIM_EDITABLE_MS,
      machine: { cores: machineInfo().cores, loadAvg1mStart, loadAvg1mEnd: machineInfo().loadAvg1m },
    };
  } finally {
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
