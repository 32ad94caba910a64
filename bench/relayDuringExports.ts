/**
 * Edit relay while Word files are being built (issue 8: "one export stalls every room"): a few editors type
 * in a section room while four downloads of the 100-page report run back to back, each loop starting the
 * next as soon as the last arrives; the same crowd size types in another room with no export running, for
 * reference. Reports relay latency (send → receipt by every other editor of the room) for both, and what the
 * exports did meanwhile.
 */
import { Crowd } from './editors.js';
import { machineBusySeconds } from './machine.js';
import type { ServerProcess } from './serverProcess.js';
import { sectionRooms } from './client.js';
import { round2, summarise, type Percentiles } from './stats.js';

/** Downloads of the long report kept in flight at once during the measured phase. */
export const CONCURRENT_EXPORTS = 4;

export interface RelayPhaseOptions {
  editors: number;
  rate: number;
  seconds: number;
  warmup: number;
}

export interface RelayDuringExportsResult extends RelayPhaseOptions {
  /** Relay latency with no export running: the reference. */
  withoutExportsMs: Percentiles;
  /** Relay latency while {@link CONCURRENT_EXPORTS} exports of the long report run in a loop. */
  duringExportsMs: Percentiles;
  concurrentExports: number;
  /** Exports answered 200 during the phase (warm-up included), and each one's request → last byte time. */
  exportsCompleted: number;
  exportMs: Percentiles;
  /** Exports refused with 503 `export_busy` (the pool's queue was full); other failures stop the bench. */
  exportsRefused: number;
  /** Highest resident memory of the server sampled during the phase. */
  serverMaxRssMB: number;
  /** CPU used by every other process during the phase, as a share of one core: noise in the numbers. */
  othersCpuPercent: number;
  missingDeliveries: number;
}

/** `editors` editors typing in a fresh room for the warm-up and the measured seconds. */
async function typeInFreshRoom(server: ServerProcess, options: RelayPhaseOptions) {
  const [room] = await sectionRooms(server.url, server.cookie, 1);
  const crowd = await Crowd.connect(server, [room!], options.editors);
  try {
    return await crowd.type({ ratePerEditor: options.rate, warmupSeconds: options.warmup, seconds: options.seconds, cursors: false });
  } finally {
    crowd.destroy();
  }
}

/** Keeps one download of `url` in flight until `stopped()`; returns each successful one's time. */
async function exportLoop(url: string, cookie: string, stopped: () => boolean, refused: { count: number }): Promise<number[]> {
  const times: number[] = [];
  while (!stopped()) {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = await response.arrayBuffer();
    if (response.status === 503) refused.count += 1;
    else if (response.status !== 200) throw new Error(`export: ${response.status} ${new TextDecoder().decode(body)}`);
    else times.push(performance.now() - start);
  }
  return times;
}

/** Measures relay latency without exports, then during {@link CONCURRENT_EXPORTS} looping exports of `reportId`. */
export async function measureRelayDuringExports(
  server: ServerProcess,
  reportId: string,
  options: RelayPhaseOptions,
  info: (message: string) => void,
): Promise<RelayDuringExportsResult> {
  info(`relay: ${options.editors} editors typing ${options.rate}/s each, ${options.seconds} s without exports`);
  const reference = await typeInFreshRoom(server, options);

  info(`relay: the same with ${CONCURRENT_EXPORTS} exports of the long report in a loop`);
  let done = false;
  const refused = { count: 0 };
  const url = `${server.url}/api/reports/${reportId}/export.docx`;
  const loops = Array.from({ length: CONCURRENT_EXPORTS }, () => exportLoop(url, server.cookie, () => done, refused));
  let maxRss = 0;
  const sampler = setInterval(() => {
    void server.memoryMB().then((mb) => (maxRss = Math.max(maxRss, mb)), () => undefined);
  }, 200);
  const machineStart = await machineBusySeconds();
  const serverStart = await server.cpuSeconds();
  const benchStart = process.cpuUsage();
  const wallStart = performance.now();
  let during;
  try {
    during = await typeInFreshRoom(server, options);
  } finally {
    done = true;
    clearInterval(sampler);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const benchUsage = process.cpuUsage(benchStart);
  const others = (await machineBusySeconds()) - machineStart - ((await server.cpuSeconds()) - serverStart) - (benchUsage.user + benchUsage.system) / 1e6;
  const exportTimes = (await Promise.all(loops)).flat();
  return {
    ...options,
    withoutExportsMs: reference.latencyMs,
    duringExportsMs: during.latencyMs,
    concurrentExports: CONCURRENT_EXPORTS,
    exportsCompleted: exportTimes.length,
    exportMs: summarise(exportTimes),
    exportsRefused: refused.count,
    serverMaxRssMB: round2(maxRss),
    othersCpuPercent: Math.max(0, Math.round((others / wallSeconds) * 100)),
    missingDeliveries: reference.missingDeliveries + during.missingDeliveries,
  };
}
