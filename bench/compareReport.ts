/**
 * The figures of `npm run bench -- --compare` (bench/compare.ts, issue 13): one typing run's, each server's
 * median over the rounds, product ÷ plain, and the plain server against itself between rounds (the noise
 * floor the ratios are to be read against).
 */
import { runFigures } from './instancesReport.js';
import { middle, round2 } from './stats.js';
import type { TypingMeasurement } from './typingPhase.js';

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** `a ÷ b`, two decimals. */
export const ratio = (a: number, b: number): number => round2(a / b);

/** Largest ÷ smallest of one server's figure over the rounds: 1 with a single round. */
export const spread = (values: readonly number[]): number => ratio(Math.max(...values), Math.min(...values));

/** What one typing run against one server gave. */
export interface TypingFigures {
  /** Send → receipt, every (edit, other editor of its room) pair of edits sent in the measured window. */
  p50Ms: number;
  p99Ms: number;
  /** Send → receipt by the first other editor: the closest to what the server adds. */
  firstReceiptP50Ms: number;
  firstReceiptP99Ms: number;
  /** Server CPU milliseconds (/proc) over the whole typing — warm-up and the wait for the last receipts included — per edit sent. */
  cpuMsPerEdit: number;
  editsSent: number;
  missingDeliveries: number;
  /** This process: when it is busy, latency is the bench's. */
  benchCpuPercent: number;
  benchEventLoopDelayP99Ms: number;
  /** Every other process of the machine, as a share of one core: noise. */
  othersCpuPercent: number;
}

export function typingFigures(measured: TypingMeasurement): TypingFigures {
  const all = runFigures(measured);
  return {
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    firstReceiptP50Ms: all.firstReceiptP50Ms,
    firstReceiptP99Ms: all.firstReceiptP99Ms,
    cpuMsPerEdit: all.cpuMsPerEdit,
    editsSent: all.editsSent,
    missingDeliveries: all.missingDeliveries,
    benchCpuPercent: all.benchCpuPercent,
    benchEventLoopDelayP99Ms: all.benchEventLoopDelayP99Ms,
    othersCpuPercent: all.othersCpuPercent,
  };
}

/** Medians over the rounds (missing deliveries summed, the noise at its worst), and each round's run. */
export type TypingSummary = Omit<TypingFigures, 'editsSent'> & { runs: TypingFigures[] };

type TypingKey = Exclude<keyof TypingFigures, 'missingDeliveries' | 'othersCpuPercent'>;

export function summariseTyping(runs: readonly TypingFigures[]): TypingSummary {
  const mid = (key: TypingKey) => round3(middle(runs.map((run) => run[key])));
  return {
    p50Ms: mid('p50Ms'),
    p99Ms: mid('p99Ms'),
    firstReceiptP50Ms: mid('firstReceiptP50Ms'),
    firstReceiptP99Ms: mid('firstReceiptP99Ms'),
    cpuMsPerEdit: mid('cpuMsPerEdit'),
    missingDeliveries: runs.reduce((sum, run) => sum + run.missingDeliveries, 0),
    benchCpuPercent: mid('benchCpuPercent'),
    benchEventLoopDelayP99Ms: mid('benchEventLoopDelayP99Ms'),
    othersCpuPercent: Math.max(...runs.map((run) => run.othersCpuPercent)),
    runs: [...runs],
  };
}

/** One typing workload: both servers' medians, product ÷ plain, and each server's spread over the rounds. */
export function compareTyping(product: readonly TypingFigures[], plain: readonly TypingFigures[]) {
  const a = summariseTyping(product);
  const b = summariseTyping(plain);
  const runToRun = (runs: readonly TypingFigures[]) => ({
    p50: spread(runs.map((run) => run.p50Ms)),
    p99: spread(runs.map((run) => run.p99Ms)),
    cpuPerEdit: spread(runs.map((run) => run.cpuMsPerEdit)),
  });
  // Round by round (the product, then the plain server, minutes apart): steadier than the ratio of the medians
  // when the machine drifts between rounds, as a shared VM's does.
  const paired = (key: 'p50Ms' | 'cpuMsPerEdit') => round2(middle(product.map((run, round) => run[key] / plain[round]![key])));
  return {
    product: a,
    plain: b,
    ratio: {
      p50: ratio(a.p50Ms, b.p50Ms),
      p99: ratio(a.p99Ms, b.p99Ms),
      firstReceiptP50: ratio(a.firstReceiptP50Ms, b.firstReceiptP50Ms),
      cpuPerEdit: ratio(a.cpuMsPerEdit, b.cpuMsPerEdit),
    },
    /** The median over the rounds of each round's product ÷ plain. */
    pairedRatio: { p50: paired('p50Ms'), cpuPerEdit: paired('cpuMsPerEdit') },
    runToRun: { plain: runToRun(plain), product: runToRun(product) },
  };
}

export type TypingComparison = ReturnType<typeof compareTyping>;

/** One round's large-section sync against one server (bench/compareSync.ts). */
export interface SyncRound {
  /** The first join after the section was filled (for the plain server: its cold join). */
  firstMs: number;
  /** Each join after that, the room loaded and its state encoded at least once. */
  warmMs: number[];
  /** The product: the first join after a restart, the room read from SQLite; the plain server: `firstMs`. */
  coldMs: number;
  /** The section's state (`Y.encodeStateAsUpdate`), in bytes. */
  bytes: number;
}

/** One server's sync figures over the rounds: the median of the rounds' medians (warm) and of their cold joins. */
function summariseSync(rounds: readonly SyncRound[]) {
  const warmRoundsMs = rounds.map((round) => round2(middle(round.warmMs)));
  const coldRoundsMs = rounds.map((round) => round2(round.coldMs));
  return {
    warm: { ms: round2(middle(warmRoundsMs)), roundsMs: warmRoundsMs, runsMs: rounds.map((round) => round.warmMs.map(round2)) },
    cold: { ms: round2(middle(coldRoundsMs)), roundsMs: coldRoundsMs },
    firstAfterFillMs: round2(middle(rounds.map((round) => round.firstMs))),
    bytes: rounds[0]?.bytes ?? 0,
  };
}

/**
 * The sync workload: warm and cold, each with both servers and product ÷ plain. `coldAfterIdleUnloadMs` is
 * the product's one join of a room its idle timer had unloaded (measured once per run, bench/compareMemory.ts).
 */
export function compareSync(product: readonly SyncRound[], plain: readonly SyncRound[], coldAfterIdleUnloadMs: number | null) {
  const a = summariseSync(product);
  const b = summariseSync(plain);
  return {
    bytes: { product: a.bytes, plain: b.bytes },
    warm: {
      product: a.warm,
      plain: b.warm,
      ratio: { p50: ratio(a.warm.ms, b.warm.ms) },
    },
    cold: {
      product: { ...a.cold, what: 'first join after a restart (once the process is quiet): the room read from SQLite', afterIdleUnloadMs: coldAfterIdleUnloadMs },
      plain: { ...b.cold, what: 'first join after a client filled the room (it has no store; the filler stays connected)' },
      ratio: { p50: ratio(a.cold.ms, b.cold.ms) },
    },
    productFirstAfterFillMs: a.firstAfterFillMs,
    runToRun: {
      plain: { warm: spread(b.warm.roundsMs), cold: spread(b.cold.roundsMs) },
      product: { warm: spread(a.warm.roundsMs), cold: spread(a.cold.roundsMs) },
    },
  };
}

export type SyncComparison = ReturnType<typeof compareSync>;
