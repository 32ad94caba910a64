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
  /** Rounds of that comparison (each: one, plain, three, plain); every figure is the median over rounds. */
  rounds: number;
}

export const USAGE = `Usage: npm run bench -- [--editors 50] [--rooms 1] [--rate 2] [--seconds 20] [--warmup 2]
                        [--cursors] [--sync-chars 300000] [--sync-runs 5]
                        [--relay-editors 10] [--relay-seconds 10]
       npm run bench -- --instances [--rounds 1] [--editors 50] [--rooms 1] [--rate 2] [--seconds 20] [--warmup 2] [--cursors]`;

/** Parses `argv` (without node and the script); throws with a usage message on bad input. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      editors: { type: 'string', default: '50' },
      rooms: { type: 'string', default: '1' },
      rate: { type: 'string', default: '2' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '2' },
      cursors: { type: 'boolean', default: false },
      'sync-chars': { type: 'string', default: '300000' },
      'sync-runs': { type: 'string', default: '5' },
      'relay-editors': { type: 'string', default: '10' },
      'relay-seconds': { type: 'string', default: '10' },
      instances: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '1' },
    },
  });
  const number = (name: string, raw: string, min: number, integer = true): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min} (got "${raw}")\n${USAGE}`);
    }
    return value;
  };
  const options: BenchOptions = {
    editors: number('editors', values.editors, 1),
    rooms: number('rooms', values.rooms, 1),
    rate: number('rate', values.rate, 0.01, false),
    seconds: number('seconds', values.seconds, 0.1, false),
    warmup: number('warmup', values.warmup, 0, false),
    cursors: values.cursors,
    syncChars: number('sync-chars', values['sync-chars'], 0),
    syncRuns: number('sync-runs', values['sync-runs'], 1),
    relayEditors: number('relay-editors', values['relay-editors'], 2),
    relaySeconds: number('relay-seconds', values['relay-seconds'], 0, false),
    instances: values.instances,
    rounds: number('rounds', values.rounds, 1),
  };
  if (options.rooms > options.editors) throw new Error(`--rooms (${options.rooms}) must not exceed --editors (${options.editors})`);
  return options;
}
