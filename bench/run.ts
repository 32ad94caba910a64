/**
 * `npm run bench`: the room server under simulated editors. Starts the real server in a child process,
 * runs one typing scenario and the large-section sync measurement, and prints ONE JSON line on stdout
 * (progress goes to stderr). See bench/README.md for what each number means.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReport, sectionRooms } from './client.js';
import { measureExport } from './exportBench.js';
import { measureOpenReport } from './openReport.js';
import { compareSummary, compareWithPlain } from './compare.js';
import { compareInstances, Teardown } from './instances.js';
import { measureRelayDuringExports, type RelayDuringExportsResult } from './relayDuringExports.js';
import { machineInfo } from './machine.js';
import { Crowd, type TypingResult } from './editors.js';
import { parseOptions, type BenchOptions } from './options.js';
import { startServerProcess, type ServerProcess } from './serverProcess.js';
import { median, round2 } from './stats.js';
import { cumulativeCpu, measureTyping, type BenchProcessUsage } from './typingPhase.js';
import { fillSection, measureSyncCost, timeFreshSync, type SyncTiming } from './syncLarge.js';

/** The aims of the issue: p99 propagation latency and the time to sync the large section. */
const AIM_P99_MS = 50;
const AIM_SYNC_MS = 200;
/** Issue 5: a 100-page report exports to Word in under a second. */
const AIM_EXPORT_MS = 1000;

const info = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface SyncResult {
  chars: number;
  /** Median over fresh connections to the loaded room. */
  ms: number;
  runsMs: number[];
  /** Median time until the websocket was open (part of `ms`). */
  openMs: number;
  /** Local CPU cost of encoding (server side) and applying (client side) the whole state, in ms. */
  encodeMs: number;
  applyMs: number;
  /** One fresh connection right after a server restart: the room is loaded from the store first. */
  coldMs: number;
  bytes: number;
}

interface ServerResult {
  /** CPU seconds during the typing phase (warm-up included). */
  cpuSeconds: number;
  /** The same as a share of one core over the typing phase's wall time. */
  cpuPercent: number;
  peakMemoryMB: number;
  /** Resident memory right after start, before any room was opened: the baseline of the peak. */
  startMemoryMB: number;
}

interface TypingPhase {
  typing: TypingResult;
  server: Pick<ServerResult, 'cpuSeconds' | 'cpuPercent'>;
  bench: BenchProcessUsage;
  /** CPU used by every other process during the typing phase, as a share of one core: noise in the numbers. */
  othersCpuPercent: number;
}

async function typingPhase(server: ServerProcess, options: BenchOptions): Promise<TypingPhase> {
  info(`connecting ${options.editors} editors to ${options.rooms} room(s)`);
  const rooms = await sectionRooms(server.url, server.cookie, options.rooms);
  const crowd = await Crowd.connect(server, rooms, options.editors);
  try {
    info(`typing ${options.rate}/s each for ${options.warmup} s warm-up + ${options.seconds} s`);
    const measured = await measureTyping(
      crowd,
      { ratePerEditor: options.rate, warmupSeconds: options.warmup, seconds: options.seconds, cursors: options.cursors },
      [cumulativeCpu(() => server.cpuSeconds())],
    );
    const serverCpu = measured.serverCpuSeconds[0]!;
    return {
      typing: measured.typing,
      server: { cpuSeconds: serverCpu, cpuPercent: Math.round((serverCpu / measured.wallSeconds) * 100) },
      bench: measured.bench,
      othersCpuPercent: measured.othersCpuPercent,
    };
  } finally {
    crowd.destroy();
  }
}

/**
 * Fills a fresh section and times `syncRuns` fresh joins against the loaded room; then restarts the
 * server on the same data dir (stopping `server`, whose peak memory is returned) and times one cold join.
 * Servers started here are added to `servers`, so the caller's cleanup stops them too.
 */
async function syncPhase(
  server: ServerProcess,
  options: BenchOptions,
  servers: ServerProcess[],
): Promise<{ sync: SyncResult; peakMemoryMB: number }> {
  const report = await createReport(server.url, server.cookie);
  const room = report.sections[0]!.room;
  info(`filling ${room} with ${options.syncChars} characters`);
  const length = await fillSection(server, room, options.syncChars);
  const runs: SyncTiming[] = [];
  for (let run = 0; run < options.syncRuns; run++) runs.push(await timeFreshSync(server, room, length));
  const runsMs = runs.map((run) => round2(run.ms));
  info(`fresh joins: ${runsMs.join(', ')} ms (socket open after ${runs.map((run) => run.openMs.toFixed(1)).join(', ')} ms)`);
  const cost = await measureSyncCost(server, room, length);
  const peakMemoryMB = await server.peakMemoryMB();

  await server.stop();
  info('restarting the server for a cold join');
  const restarted = await startServerProcess({ dataDir: server.dataDir });
  servers.push(restarted);
  const cold = await timeFreshSync(restarted, room, length);
  await restarted.stop();
  const sync = {
    chars: options.syncChars,
    ms: median(runsMs),
    runsMs,
    openMs: round2(median(runs.map((run) => run.openMs))),
    encodeMs: round2(cost.encodeMs),
    applyMs: round2(cost.applyMs),
    coldMs: round2(cold.ms),
    bytes: runs[0]!.bytes,
  };
  return { sync, peakMemoryMB };
}

/** `--instances`: only the comparison of one instance, three behind Redis and the plain server (bench/instances.ts). */
async function mainInstances(options: BenchOptions): Promise<void> {
  await Teardown.around(async (teardown) => {
    const instances = await compareInstances(options, teardown, info);
    const runs = [instances.one, instances.three, instances.plain].flatMap((deployment) => deployment.runs);
    const result = {
      editors: options.editors,
      rooms: options.rooms,
      ratePerEditor: options.rate,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
      cursors: options.cursors,
      instances,
      machine: { ...machineInfo(), othersCpuPercent: Math.max(...runs.map((run) => run.othersCpuPercent)) },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
}

/** `--compare`: only issue 13's workloads against the product and the plain server (bench/compare.ts). */
async function mainCompare(options: BenchOptions): Promise<void> {
  await Teardown.around(async (teardown) => {
    const compare = await compareWithPlain(options, teardown, info);
    process.stderr.write(`${compareSummary(compare)}\n`);
    process.stdout.write(`${JSON.stringify({ compare })}\n`);
  });
}

/** `--open`: only the time to open the demo's report in Chromium until it is editable (bench/openReport.ts). */
async function mainOpen(options: BenchOptions): Promise<void> {
  const open = await measureOpenReport(options.openRuns, info);
  process.stdout.write(`${JSON.stringify({ open })}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.instances) return mainInstances(options);
  if (options.compare) return mainCompare(options);
  if (options.open) return mainOpen(options);
  const dataDir = await mkdtemp(join(tmpdir(), 'dong-soan-bench-'));
  const servers: ServerProcess[] = [];
  const cleanup = async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    await rm(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      info(`${signal}: stopping the server`);
      void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  try {
    const server = await startServerProcess({ dataDir });
    servers.push(server);
    info(`server pid ${server.pid} at ${server.url}`);
    const startMemoryMB = await server.memoryMB();
    const typed = await typingPhase(server, options);
    const exported = await measureExport(server, info);
    let relay: RelayDuringExportsResult | null = null;
    if (options.relaySeconds > 0) {
      relay = await measureRelayDuringExports(
        server,
        exported.reportId,
        { editors: options.relayEditors, rate: options.rate, seconds: options.relaySeconds, warmup: options.warmup },
        info,
      );
    }

    let sync: SyncResult | null = null;
    let peakMemoryMB: number;
    if (options.syncChars > 0) ({ sync, peakMemoryMB } = await syncPhase(server, options, servers));
    else peakMemoryMB = await server.peakMemoryMB();

    if (typed.othersCpuPercent > 20) {
      info(`other processes used ${typed.othersCpuPercent} % of a core while typing: the numbers are noisy`);
    }
    const result = {
      editors: options.editors,
      rooms: options.rooms,
      ratePerEditor: options.rate,
      seconds: options.seconds,
      warmupSeconds: options.warmup,
      cursors: options.cursors,
      latencyMs: typed.typing.latencyMs,
      firstReceiptMs: typed.typing.firstReceiptMs,
      deliveredUpdatesPerSec: typed.typing.deliveredUpdatesPerSec,
      sentEditsPerSec: typed.typing.sentEditsPerSec,
      missingDeliveries: typed.typing.missingDeliveries,
      sync300k: sync,
      export100Pages: { pages: exported.pages, ms: exported.ms, runsMs: exported.runsMs, bytes: exported.bytes, stateBytes: exported.stateBytes },
      relayDuringExports: relay,
      server: { ...typed.server, peakMemoryMB: round2(peakMemoryMB), startMemoryMB: round2(startMemoryMB) },
      bench: typed.bench,
      machine: { ...machineInfo(), othersCpuPercent: typed.othersCpuPercent },
      aimsMet: {
        p99Under50ms: typed.typing.latencyMs.p99 < AIM_P99_MS,
        syncUnder200ms: sync === null ? null : sync.ms < AIM_SYNC_MS,
        exportUnder1s: exported.ms < AIM_EXPORT_MS,
        relayP99During4ExportsUnder50ms: relay === null ? null : relay.duringExportsMs.p99 < AIM_P99_MS,
      },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
