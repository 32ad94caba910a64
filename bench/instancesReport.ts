/**
 * The figures of `npm run bench -- --instances` (bench/instances.ts): one run's, each deployment's median
 * over its runs, and the ratios and aims of issue 11, item 6.
 */
import { middle, round2 } from './stats.js';
import type { TypingMeasurement } from './typingPhase.js';

/** Issue 11: three instances relaying across Redis with p99 under 50 ms at 50 editors in one room… */
export const AIM_P99_MS = 50;
/** …and CPU per edit per instance within 1.3× of one instance's. */
export const AIM_CPU_PER_INSTANCE_RATIO = 1.3;

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** What one typing run against one deployment gave. */
export interface RunFigures {
  /** Send → receipt, every (edit, other editor) pair of edits sent in the measured window. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  /** Send → receipt by the first other editor: the closest to what the servers add. */
  firstReceiptP50Ms: number;
  firstReceiptP99Ms: number;
  /** Several instances: pairs whose editors were on different instances (the edit crossed Redis)… */
  crossInstanceP50Ms: number | null;
  crossInstanceP99Ms: number | null;
  /** …and pairs on the same instance. */
  sameInstanceP50Ms: number | null;
  sameInstanceP99Ms: number | null;
  /** Edits sent during the run, warm-up included: what the CPU time is divided by. */
  editsSent: number;
  sentEditsPerSec: number;
  missingDeliveries: number;
  /** CPU seconds of each server process while typing (warm-up and the wait for the last deliveries included). */
  serverCpuSeconds: number[];
  /** All the deployment's server processes together, in CPU milliseconds per edit. */
  cpuMsPerEdit: number;
  /** The same divided by the number of instances. */
  cpuMsPerEditPerInstance: number;
  /** The PostgreSQL backends serving the deployment's database; null without one. */
  postgresCpuMsPerEdit: number | null;
  /** The whole Redis server (shared with anything else on the machine using it); null without Redis. */
  redisCpuMsPerEdit: number | null;
  /** Servers + PostgreSQL + Redis. */
  cpuMsPerEditWithServices: number;
  benchCpuPercent: number;
  benchEventLoopDelayP99Ms: number;
  /** Every other process on the machine, as a share of one core: noise. */
  othersCpuPercent: number;
}

/** The figures of one measured run (`services` may hold `postgres` and `redis`). */
export function runFigures(measured: TypingMeasurement): RunFigures {
  const { typing } = measured;
  const edits = Math.max(1, typing.editsSent);
  const perEdit = (seconds: number | undefined) => (seconds === undefined ? null : round3((seconds * 1000) / edits));
  const serverCpu = measured.serverCpuSeconds.reduce((sum, seconds) => sum + seconds, 0);
  const servicesCpu = Object.values(measured.servicesCpuSeconds).reduce((sum, seconds) => sum + seconds, 0);
  return {
    p50Ms: typing.latencyMs.p50,
    p95Ms: typing.latencyMs.p95,
    p99Ms: typing.latencyMs.p99,
    maxMs: typing.latencyMs.max,
    samples: typing.latencyMs.samples,
    firstReceiptP50Ms: typing.firstReceiptMs.p50,
    firstReceiptP99Ms: typing.firstReceiptMs.p99,
    crossInstanceP50Ms: typing.byServer?.crossMs.p50 ?? null,
    crossInstanceP99Ms: typing.byServer?.crossMs.p99 ?? null,
    sameInstanceP50Ms: typing.byServer?.sameMs.p50 ?? null,
    sameInstanceP99Ms: typing.byServer?.sameMs.p99 ?? null,
    editsSent: typing.editsSent,
    sentEditsPerSec: typing.sentEditsPerSec,
    missingDeliveries: typing.missingDeliveries,
    serverCpuSeconds: measured.serverCpuSeconds,
    cpuMsPerEdit: perEdit(serverCpu)!,
    cpuMsPerEditPerInstance: perEdit(serverCpu / measured.serverCpuSeconds.length)!,
    postgresCpuMsPerEdit: perEdit(measured.servicesCpuSeconds.postgres),
    redisCpuMsPerEdit: perEdit(measured.servicesCpuSeconds.redis),
    cpuMsPerEditWithServices: perEdit(serverCpu + servicesCpu)!,
    benchCpuPercent: measured.bench.cpuPercent,
    benchEventLoopDelayP99Ms: measured.bench.eventLoopDelayP99Ms,
    othersCpuPercent: measured.othersCpuPercent,
  };
}

/** The headline figures: medians over a deployment's runs (missing deliveries summed, noise at its worst). */
export type Summary = Omit<RunFigures, 'serverCpuSeconds' | 'samples' | 'editsSent' | 'sentEditsPerSec'> & {
  runs: RunFigures[];
};

type NumericKey = { [K in keyof RunFigures]: RunFigures[K] extends number | null ? K : never }[keyof RunFigures];

export function summariseRuns(runs: RunFigures[]): Summary {
  const mid = <K extends NumericKey>(key: K): RunFigures[K] => {
    const values = runs.map((run) => run[key]).filter((value): value is number => value !== null);
    return (values.length === 0 ? null : round3(middle(values))) as RunFigures[K];
  };
  return {
    p50Ms: mid('p50Ms'),
    p95Ms: mid('p95Ms'),
    p99Ms: mid('p99Ms'),
    maxMs: mid('maxMs'),
    firstReceiptP50Ms: mid('firstReceiptP50Ms'),
    firstReceiptP99Ms: mid('firstReceiptP99Ms'),
    crossInstanceP50Ms: mid('crossInstanceP50Ms'),
    crossInstanceP99Ms: mid('crossInstanceP99Ms'),
    sameInstanceP50Ms: mid('sameInstanceP50Ms'),
    sameInstanceP99Ms: mid('sameInstanceP99Ms'),
    missingDeliveries: runs.reduce((sum, run) => sum + run.missingDeliveries, 0),
    cpuMsPerEdit: mid('cpuMsPerEdit'),
    cpuMsPerEditPerInstance: mid('cpuMsPerEditPerInstance'),
    postgresCpuMsPerEdit: mid('postgresCpuMsPerEdit'),
    redisCpuMsPerEdit: mid('redisCpuMsPerEdit'),
    cpuMsPerEditWithServices: mid('cpuMsPerEditWithServices'),
    benchCpuPercent: mid('benchCpuPercent'),
    benchEventLoopDelayP99Ms: mid('benchEventLoopDelayP99Ms'),
    othersCpuPercent: Math.max(...runs.map((run) => run.othersCpuPercent)),
    runs,
  };
}

/** `a ÷ b`, two decimals. */
const ratio = (a: number, b: number): number => round2(a / b);

/** Each product deployment against the plain server measured in the same run, and three against one. */
export function ratios(one: Summary, three: Summary, plain: Summary) {
  const againstPlain = (product: Summary) => ({
    p50VsPlain: ratio(product.p50Ms, plain.p50Ms),
    p99VsPlain: ratio(product.p99Ms, plain.p99Ms),
    firstReceiptP50VsPlain: ratio(product.firstReceiptP50Ms, plain.firstReceiptP50Ms),
    cpuPerEditVsPlain: ratio(product.cpuMsPerEdit, plain.cpuMsPerEdit),
    cpuPerEditWithServicesVsPlain: ratio(product.cpuMsPerEditWithServices, plain.cpuMsPerEdit),
  });
  const plainRuns = plain.runs;
  const spread = (key: 'p50Ms' | 'p99Ms' | 'cpuMsPerEdit') => {
    const values = plainRuns.map((run) => run[key]);
    return ratio(Math.max(...values), Math.min(...values));
  };
  return {
    one: againstPlain(one),
    three: {
      ...againstPlain(three),
      cpuPerEditPerInstanceVsOne: ratio(three.cpuMsPerEditPerInstance, one.cpuMsPerEdit),
      cpuPerEditVsOne: ratio(three.cpuMsPerEdit, one.cpuMsPerEdit),
      p99VsOne: ratio(three.p99Ms, one.p99Ms),
    },
    /** Largest ÷ smallest over the plain server's runs: the same server twice in one run, i.e. the noise floor. */
    plainRunToRun: { p50: spread('p50Ms'), p99: spread('p99Ms'), cpuPerEdit: spread('cpuMsPerEdit') },
  };
}

export function aims(three: Summary, one: Summary) {
  return {
    threeP99Under50ms: three.p99Ms < AIM_P99_MS,
    threeCpuPerEditPerInstanceWithin1_3xOfOne: three.cpuMsPerEditPerInstance <= AIM_CPU_PER_INSTANCE_RATIO * one.cpuMsPerEdit,
  };
}
