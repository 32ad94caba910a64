/**
 * `npm run bench -- --compare` (issue 13): the product — one instance on SQLite in a temp DATA_DIR, as
 * `npm start` configures and runs it (built by bench/builtServers.ts) — against the plain in-memory y-websocket server (bench/plainServer.ts), both started
 * here and kept running. Each round runs every workload against the product, then against the plain server:
 * 1. 1 room × 50 editors × 2 edits/s, 2. 52 rooms × 4 editors × 1 edit/s, 3. a new editor syncing a
 * 300,000-character section, warm and cold (bench/compareSync.ts; the product is restarted each round for its
 * cold join). After the rounds, memory per connection and per room, and the idle unload (compareMemory.ts).
 * The machine is shared and noisy: the figures that count are product ÷ plain, measured minutes apart.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sectionRooms, sleep, type RoomEndpoint } from './client.js';
import { compareSync, compareTyping, typingFigures, type TypingFigures } from './compareReport.js';
import { measureMemory, readGauge } from './compareMemory.js';
import { syncRound, type SyncRoundResult } from './compareSync.js';
import { Crowd } from './editors.js';
import type { Teardown } from './instances.js';
import { machineInfo } from './machine.js';
import type { BenchOptions } from './options.js';
import { startPlainServerProcess, startServerProcess, untilQuiet, type ListeningProcess, type ServerProcess } from './serverProcess.js';
import { round2 } from './stats.js';
import { timeFreshSync } from './syncLarge.js';
import { cumulativeCpu, measureTyping } from './typingPhase.js';

/** Issue 13's typing workloads. */
export const WORKLOADS = {
  oneRoom: { rooms: 1, editors: 50, ratePerEditor: 2 },
  manyRooms: { rooms: 52, editors: 208, ratePerEditor: 1 },
} as const;
type WorkloadName = keyof typeof WORKLOADS;
type ServerName = 'product' | 'plain';

/** A pause after each run, for the last sockets to close before the next. */
const SETTLE_MS = 1000;

const prefixed = (label: string) => (line: string) => process.stderr.write(`[${label}] ${line}\n`);

/** The product server, restarted on the same data dir for each round's cold join; remembers every process's peak. */
class Product {
  private previousLogLines = 0;
  readonly peakMemoryMB: number[] = [];

  private constructor(
    public current: ServerProcess,
    private readonly env: Record<string, string>,
    private readonly teardown: Teardown,
  ) {}

  static async start(dataDir: string, metricsToken: string, teardown: Teardown): Promise<Product> {
    // SQLite in DATA_DIR whatever this shell's environment says; a token of our own for /metrics.
    const env = { DATABASE_URL: '', REDIS_URL: '', METRICS_TOKEN: metricsToken };
    const server = await startServerProcess({ dataDir, env, log: prefixed('product') });
    teardown.add(() => server.stop());
    return new Product(server, env, teardown);
  }

  /** Lines the product's processes printed after start-up (it logs at `warn`: each is worth a look). */
  logLines(): number {
    return this.previousLogLines + this.current.logLines();
  }

  async restart(): Promise<ServerProcess> {
    const old = this.current;
    this.peakMemoryMB.push(round2(await old.peakMemoryMB()));
    this.previousLogLines += old.logLines();
    await old.stop();
    const server = await startServerProcess({ dataDir: old.dataDir, env: this.env, log: prefixed('product') });
    this.teardown.add(() => server.stop());
    this.current = server;
    await untilQuiet(server);
    return server;
  }
}

/** One server as the rounds use it: its current process and where its fresh rooms come from. */
interface Target {
  name: ServerName;
  server(): ListeningProcess;
  rooms(count: number): Promise<string[]>;
}

async function typeAgainst(target: Target, workload: WorkloadName, options: BenchOptions): Promise<TypingFigures> {
  const { rooms: roomCount, editors, ratePerEditor } = WORKLOADS[workload];
  const server = target.server();
  const rooms = await target.rooms(roomCount);
  const crowd = await Crowd.connect(server, rooms, editors);
  try {
    const measured = await measureTyping(
      crowd,
      { ratePerEditor, warmupSeconds: options.warmup, seconds: options.seconds, cursors: options.cursors },
      [cumulativeCpu(() => server.cpuSeconds())],
    );
    return typingFigures(measured);
  } finally {
    crowd.destroy();
  }
}

type TypingRuns = Record<WorkloadName, Record<ServerName, TypingFigures[]>>;

/**
 * The rounds: each typing workload against the product, then the plain server, round after round; then the
 * sync rounds, which restart the product for their cold joins. Typing first: each process's code is then as
 * warm for the product as for the plain server at every typing round (a product restarted just before a round
 * spent its first seconds compiling while the plain server, never restarted, did not: for the same code, one
 * room's CPU ratio read 1.52× that way and 1.34× on equally warm processes, 1 Dec 2026; many rooms' moved
 * within the noise).
 */
async function runRounds(targets: Record<ServerName, Target>, product: Product, options: BenchOptions, info: (message: string) => void) {
  const typing: TypingRuns = { oneRoom: { product: [], plain: [] }, manyRooms: { product: [], plain: [] } };
  const sync: Record<ServerName, SyncRoundResult[]> = { product: [], plain: [] };
  const order: ServerName[] = ['product', 'plain'];
  for (let round = 1; round <= options.rounds; round++) {
    for (const workload of Object.keys(WORKLOADS) as WorkloadName[]) {
      const { rooms, editors, ratePerEditor } = WORKLOADS[workload];
      for (const name of order) {
        info(`round ${round}/${options.rounds}, ${workload} (${rooms} room(s) × ${editors / rooms} editors × ${ratePerEditor}/s): ${name}`);
        const figures = await typeAgainst(targets[name], workload, options);
        info(
          `  p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, first receipt p50 ${figures.firstReceiptP50Ms} ms, CPU ${figures.cpuMsPerEdit} ms per edit,` +
            ` bench ${figures.benchCpuPercent} %, others ${figures.othersCpuPercent} % of a core, missing ${figures.missingDeliveries}`,
        );
        typing[workload][name].push(figures);
        await sleep(SETTLE_MS);
      }
    }
  }
  for (let round = 1; round <= options.rounds && options.syncChars > 0; round++) {
    for (const name of order) {
      const target = targets[name];
      const [room] = await target.rooms(1);
      info(`round ${round}/${options.rounds}, sync of ${options.syncChars} characters: ${name}`);
      const restart = name === 'product' ? async (): Promise<RoomEndpoint> => product.restart() : null;
      const result = await syncRound(target.server(), room!, { chars: options.syncChars, runs: options.syncRuns, restart });
      info(`  first ${result.firstMs.toFixed(1)} ms, warm ${result.warmMs.map((ms) => ms.toFixed(1)).join(', ')} ms, cold ${result.coldMs.toFixed(1)} ms`);
      sync[name].push(result);
      await sleep(SETTLE_MS);
    }
  }
  return { typing, sync };
}

/**
 * The last round's large section on the product, whose last connection left more than 35 s
 * ago (the memory figures were taken meanwhile): if `/metrics` says no room is loaded, one join reads it from SQLite in a process whose code is warm —
 * unlike the first join after a restart. Null when there was no sync or the room was still loaded.
 */
async function joinAfterIdleUnload(product: Product, metricsToken: string, last: SyncRoundResult | undefined, info: (message: string) => void) {
  if (!last) return null;
  const loaded = await readGauge(product.current.url, metricsToken, 'dong_soan_rooms');
  if (loaded !== 0) {
    info(`the product still has ${loaded} room(s) loaded: no join after an idle unload`);
    return null;
  }
  const ms = round2((await timeFreshSync(product.current, last.room, last.length)).ms);
  info(`a join of the large section after its room was unloaded: ${ms} ms`);
  return ms;
}

/** Starts the product (SQLite in a temp dir) and the plain server, kept for all the rounds. */
async function startServers(teardown: Teardown, info: (message: string) => void) {
  const dataDir = await mkdtemp(join(tmpdir(), 'dong-soan-compare-'));
  teardown.add(() => rm(dataDir, { recursive: true, force: true }));
  const metricsToken = randomBytes(16).toString('hex');
  const product = await Product.start(dataDir, metricsToken, teardown);
  const plain = await startPlainServerProcess(prefixed('plain'));
  teardown.add(() => plain.stop());
  info(`product pid ${product.current.pid} (SQLite in ${dataDir}), plain pid ${plain.pid}`);
  let plainRooms = 0;
  const targets: Record<ServerName, Target> = {
    product: { name: 'product', server: () => product.current, rooms: (count) => sectionRooms(product.current.url, product.current.cookie, count) },
    plain: { name: 'plain', server: () => plain, rooms: async (count) => Array.from({ length: count }, () => `compare-room-${++plainRooms}`) },
  };
  await Promise.all([untilQuiet(product.current), untilQuiet(plain)]);
  const startMemoryMB = { product: round2(await product.current.memoryMB()), plain: round2(await plain.memoryMB()) };
  return { product, plain, metricsToken, targets, startMemoryMB };
}

/** Runs the comparison; everything it starts is added to `teardown`, which the caller runs. */
export async function compareWithPlain(options: BenchOptions, teardown: Teardown, info: (message: string) => void) {
  const startedAt = new Date();
  const loadAtStart = machineInfo().loadAvg1m;
  const { product, plain, metricsToken, targets, startMemoryMB } = await startServers(teardown, info);
  const { typing, sync } = await runRounds(targets, product, options, info);
  const memory = await measureMemory(teardown, info);
  const coldAfterIdleUnloadMs = await joinAfterIdleUnload(product, metricsToken, sync.product.at(-1), info);
  product.peakMemoryMB.push(round2(await product.current.peakMemoryMB()));

  const workloads = {
    oneRoom: { ...WORKLOADS.oneRoom, ...compareTyping(typing.oneRoom.product, typing.oneRoom.plain) },
    manyRooms: { ...WORKLOADS.manyRooms, ...compareTyping(typing.manyRooms.product, typing.manyRooms.plain) },
    sync300k:
      options.syncChars === 0
        ? null
        : { chars: options.syncChars, runsPerRound: options.syncRuns, ...compareSync(sync.product, sync.plain, coldAfterIdleUnloadMs) },
  };
  const allRuns = Object.values(typing).flatMap((byServer) => [...byServer.product, ...byServer.plain]);
  return {
    date: startedAt.toISOString(),
    rounds: options.rounds,
    order: ['rounds of oneRoom: product, plain; manyRooms: product, plain', 'then rounds of sync300k: product (restarted for cold), plain'],
    seconds: options.seconds,
    warmupSeconds: options.warmup,
    cursors: options.cursors,
    workloads,
    memory,
    noise: {
      // The plain server against itself between rounds (largest ÷ smallest): the floor the ratios are read against.
      plainRunToRun: {
        oneRoom: workloads.oneRoom.runToRun.plain,
        manyRooms: workloads.manyRooms.runToRun.plain,
        sync300k: workloads.sync300k?.runToRun.plain ?? null,
      },
      othersCpuPercentMax: Math.max(...allRuns.map((run) => run.othersCpuPercent)),
      benchCpuPercentMax: Math.max(...allRuns.map((run) => run.benchCpuPercent)),
    },
    servers: {
      productLogLines: product.logLines() + memory.productLogLines,
      productStartMemoryMB: startMemoryMB.product,
      productPeakMemoryMB: product.peakMemoryMB,
      plainStartMemoryMB: startMemoryMB.plain,
      plainPeakMemoryMB: round2(await plain.peakMemoryMB()),
      plainLogLines: plain.logLines(),
    },
    machine: { ...machineInfo(), loadAvg1mAtStart: loadAtStart, minutes: round2((Date.now() - startedAt.getTime()) / 60_000) },
  };
}

export type CompareResult = Awaited<ReturnType<typeof compareWithPlain>>;

/** The five figures of issue 13 and the rest, as a few lines for a person (stderr). */
export function compareSummary(result: CompareResult): string {
  const { oneRoom, manyRooms, sync300k } = result.workloads;
  const row = (label: string, product: number, plain: number, ratioValue: number, noise: number | null) =>
    `${label.padEnd(38)} ${String(product).padStart(9)} ${String(plain).padStart(9)} ${`${ratioValue}×`.padStart(7)} ${noise === null ? '' : `${noise}×`.padStart(7)}`;
  const lines = [
    `compare, median of ${result.rounds} round(s)              product     plain   ratio   noise (plain vs plain)`,
    row('1 room × 50 × 2/s: p50 ms', oneRoom.product.p50Ms, oneRoom.plain.p50Ms, oneRoom.ratio.p50, oneRoom.runToRun.plain.p50),
    row('                   p99 ms', oneRoom.product.p99Ms, oneRoom.plain.p99Ms, oneRoom.ratio.p99, oneRoom.runToRun.plain.p99),
    row('                   CPU ms per edit', oneRoom.product.cpuMsPerEdit, oneRoom.plain.cpuMsPerEdit, oneRoom.ratio.cpuPerEdit, oneRoom.runToRun.plain.cpuPerEdit),
    row('52 rooms × 4 × 1/s: p50 ms', manyRooms.product.p50Ms, manyRooms.plain.p50Ms, manyRooms.ratio.p50, manyRooms.runToRun.plain.p50),
    row('                   CPU ms per edit', manyRooms.product.cpuMsPerEdit, manyRooms.plain.cpuMsPerEdit, manyRooms.ratio.cpuPerEdit, manyRooms.runToRun.plain.cpuPerEdit),
    `round by round (median of product ÷ plain): 1 room p50 ${oneRoom.pairedRatio.p50}×, CPU ${oneRoom.pairedRatio.cpuPerEdit}×;` +
      ` 52 rooms p50 ${manyRooms.pairedRatio.p50}×, CPU ${manyRooms.pairedRatio.cpuPerEdit}×`,
  ];
  if (sync300k) {
    lines.push(row('sync 300k, warm: ms', sync300k.warm.product.ms, sync300k.warm.plain.ms, sync300k.warm.ratio.p50, sync300k.runToRun.plain.warm));
    lines.push(row('sync 300k, cold: ms', sync300k.cold.product.ms, sync300k.cold.plain.ms, sync300k.cold.ratio.p50, sync300k.runToRun.plain.cold));
  }
  const { memory } = result;
  lines.push(row('per connection, kB RSS', kB(memory.product.bytesPerConnection), kB(memory.plain.bytesPerConnection), memory.ratio.perConnection, null));
  lines.push(row('                kB JS heap', kB(memory.product.heapBytesPerConnection), kB(memory.plain.heapBytesPerConnection), memory.ratio.heapPerConnection, null));
  lines.push(row('per loaded room, kB RSS', kB(memory.product.bytesPerRoom), kB(memory.plain.bytesPerRoom), memory.ratio.perRoom, null));
  lines.push(row('                kB JS heap', kB(memory.product.heapBytesPerRoom), kB(memory.plain.heapBytesPerRoom), memory.ratio.heapPerRoom, null));
  const unload = memory.idleUnload;
  const cold = sync300k?.cold.product.afterIdleUnloadMs;
  if (cold !== undefined && cold !== null) lines.push(`sync 300k after an idle unload (product, once): ${cold} ms`);
  lines.push(
    `idle rooms unloaded: ${unload.unloaded ? 'yes' : 'NO'} (${unload.roomsRightAfterClose} loaded when the last connections closed, ${unload.roomsAfterWait} after ${round2(unload.waitedMs / 1000)} s)`,
  );
  lines.push(`other processes: up to ${result.noise.othersCpuPercentMax} % of a core; load average ${result.machine.loadAvg1mAtStart} → ${result.machine.loadAvg1m}; ${result.machine.minutes} min`);
  return lines.join('\n');
}

const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;
