/** The benchmark's command-line flags. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Simulated editors in all. */
  editors: number;
  /** Rooms (sections) they are spread over, round-robin. */
  rooms: number;
  /** Edits per second per editor. */
  rate: number;
  /** Measured seconds of typing. */
  seconds: number;
  /** Seconds of typing before the measured window, excluded from the statistics. */
  warmup: number;
  /** Whether each edit also moves an awareness cursor, as a real editor does. */
  cursors: boolean;
  /** Characters of the large section whose sync is timed; 0 skips that measurement. */
  syncChars: number;
  /** Fresh connections timed against the loaded room (the median is reported). */
  syncRuns: number;
  /** Editors typing (at `rate`) in the relay-during-exports measurement. */
  relayEditors: number;
  /** Measured seconds of each half of that measurement (without, then during exports); 0 skips it. */
  relaySeconds: number;
  /**
   * Instead of everything else: the typing workload against one instance on PostgreSQL, three behind Redis,
   * and the plain in-memory y-websocket server, interleaved (issue 11, item 6; bench/instances.ts).
   */
  instances: boolean;
  /**
   * Instead of everything else: issue 13's workloads against the product (SQLite) and the plain in-memory
   * y-websocket server, interleaved, with the ratios and memory per room and connection (bench/compare.ts).
   */
  compare: boolean;
  /**
   * Rounds of `--instances` (each: one, plain, three, plain; default 1) or of `--compare` (each: every workload
   * against the product, then the plain server; default 3); every figure is the median over rounds.
   */
  rounds: number;
  /**
   * Instead of everything else: the time to open the demo's report in Chromium until its first section is
   * editable and every room synced, cold and `openRuns` times (issue 12, item 7; bench/openReport.ts).
   */
  open: boolean;
  /** Warm openings timed by `--open` (the median is reported). */
  openRuns: number;
}

/** `--compare` runs two servers × two workloads × `--rounds`: a shorter window keeps the defaults near 5 minutes. */
const COMPARE_DEFAULT_SECONDS = '10';
const COMPARE_DEFAULT_ROUNDS = '3';

export const USAGE = `Usage: npm run bench -- [--editors 50] [--rooms 1] [--rate 2] [--seconds 20] [--warmup 2]
                        [--cursors] [--sync-chars 300000] [--sync-runs 5]
                        [--relay-editors 10] [--relay-seconds 10]
       npm run bench -- --instances [--rounds 1] [--editors 50] [--rooms 1] [--rate 2] [--seconds 20] [--warmup 2] [--cursors]
       npm run bench -- --compare [--rounds 3] [--seconds 10] [--warmup 2] [--cursors] [--sync-chars 300000] [--sync-runs 5]
       npm run bench -- --open [--runs 7]`;

/** Parses `argv` (without node and the script); throws with a usage message on bad input. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      editors: { type: 'string', default: '50' },
      rooms: { type: 'string', default: '1' },
      rate: { type: 'string', default: '2' },
      // Defaults depend on the mode (below).
      seconds: { type: 'string' },
      warmup: { type: 'string', default: '2' },
      cursors: { type: 'boolean', default: false },
      'sync-chars': { type: 'string', default: '300000' },
      'sync-runs': { type: 'string', default: '5' },
      'relay-editors': { type: 'string', default: '10' },
      'relay-seconds': { type: 'string', default: '10' },
      instances: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      open: { type: 'boolean', default: false },
      runs: { type: 'string', default: '7' },
    },
  });
  const number = (name: string, raw: string, min: number, integer = true): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min} (got "${raw}")\n${USAGE}`);
    }
    return value;
  };
  if ([values.instances, values.compare, values.open].filter(Boolean).length > 1) {
    throw new Error(`--instances, --compare and --open are separate runs\n${USAGE}`);
  }
  const seconds = values.seconds ?? (values.compare ? COMPARE_DEFAULT_SECONDS : '20');
  const rounds = values.rounds ?? (values.compare ? COMPARE_DEFAULT_ROUNDS : '1');
  const options: BenchOptions = {
    editors: number('editors', values.editors, 1),
    rooms: number('rooms', values.rooms, 1),
    rate: number('rate', values.rate, 0.01, false),
    seconds: number('seconds', seconds, 0.1, false),
    warmup: number('warmup', values.warmup, 0, false),
    cursors: values.cursors,
    syncChars: number('sync-chars', values['sync-chars'], 0),
    syncRuns: number('sync-runs', values['sync-runs'], 1),
    relayEditors: number('relay-editors', values['relay-editors'], 2),
    relaySeconds: number('relay-seconds', values['relay-seconds'], 0, false),
    instances: values.instances,
    compare: values.compare,
    rounds: number('rounds', rounds, 1),
    open: values.open,
    openRuns: number('runs', values.runs, 1),
  };
  if (options.rooms > options.editors) throw new Error(`--rooms (${options.rooms}) must not exceed --editors (${options.editors})`);
  return options;
}
