/**
 * `npm run bench -- --instances` (issue 11, item 6): the typing workload of bench/editors.ts against
 * - `one`: one product instance on PostgreSQL (`DATABASE_URL` only, no Redis);
 * - `three`: three instances on another PostgreSQL database behind Redis (`DATABASE_URL`, `REDIS_URL`,
 *   `REDIS_PREFIX`), the editors of a room spread round-robin over them, so two receipts in three cross Redis;
 * - `plain`: the plain in-memory y-websocket server (bench/plainServer.ts), the reference;
 * in rounds of one, plain, three, plain. The machine is shared and noisy: what counts is each figure against
 * the reference measured in the same run. Every process lives for the whole comparison; only the deployment
 * under test has editors.
 */
import { createBenchDatabase, openBenchRedis } from './backingServices.js';
import { sectionRooms, sleep } from './client.js';
import { Crowd } from './editors.js';
import { aims, ratios, runFigures, summariseRuns, type RunFigures, type Summary } from './instancesReport.js';
import type { BenchOptions } from './options.js';
import { startPlainServerProcess, startServerProcess, type ListeningProcess, type ServerProcess } from './serverProcess.js';
import { cumulativeCpu, measureTyping, type CpuMeter } from './typingPhase.js';

type DeploymentName = 'one' | 'three' | 'plain';

/** One round; the plain server runs between the two product deployments and after the second. */
const ROUND: readonly DeploymentName[] = ['one', 'plain', 'three', 'plain'];
/** A pause after each run, for the last sockets to close and the rooms to settle before the next. */
const SETTLE_MS = 1000;

/** What is typed against: its server processes, where its rooms come from, the services behind it. */
interface Deployment {
  servers: ListeningProcess[];
  /** `count` fresh rooms for one run. */
  rooms(count: number): Promise<string[]>;
  /** CPU meters of what the servers use (PostgreSQL backends, Redis), by name. */
  services: Record<string, CpuMeter>;
}

/** What the comparison started, to be undone last first (servers stop before their database is dropped). */
export class Teardown {
  private readonly steps: (() => Promise<unknown>)[] = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  /**
   * Runs `work` with a fresh teardown that runs when it ends, however it ends — also on SIGINT/SIGTERM,
   * exiting with the signal's code.
   */
  static async around<T>(work: (teardown: Teardown) => Promise<T>): Promise<T> {
    const teardown = new Teardown();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`bench: ${signal}: stopping the servers\n`);
        void teardown.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
      });
    }
    try {
      return await work(teardown);
    } finally {
      await teardown.run();
    }
  }

  /** Runs every step, last added first; a failing step is reported and the others still run. */
  async run(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      await step().catch((error: unknown) => process.stderr.write(`bench: clean-up failed: ${String(error)}\n`));
    }
  }
}

/** Per deployment: its processes' memory and how many lines they printed (at `warn`: each deserves a look). */
interface ProcessesReport {
  startMemoryMB: number[];
  peakMemoryMB: number[];
  serverLogLines: number;
}

export type DeploymentResult = Summary & ProcessesReport & { instances: number };

export interface InstancesResult {
  order: DeploymentName[];
  rounds: number;
  one: DeploymentResult;
  three: DeploymentResult;
  plain: DeploymentResult;
  ratios: ReturnType<typeof ratios>;
  aims: ReturnType<typeof aims>;
  /**
   * PostgreSQL backends of the deployments' databases started and ended while typing, all runs together:
   * the stores' pools opening and closing connections under load (each start costs PostgreSQL a fork).
   */
  postgresBackends: { started: number; ended: number };
}

const prefixed = (label: string) => (line: string) => process.stderr.write(`[${label}] ${line}\n`);

/** Starts the three deployments (the first instance of `three` alone: it creates the admin account). */
async function startDeployments(teardown: Teardown, info: (message: string) => void) {
  const oneDb = await createBenchDatabase();
  teardown.add(() => oneDb.drop());
  const threeDb = await createBenchDatabase();
  teardown.add(() => threeDb.drop());
  const redis = await openBenchRedis();
  teardown.add(() => redis.cleanup());
  info(`databases ${oneDb.name} (one) and ${threeDb.name} (three), Redis prefix ${redis.prefix}`);

  const started = <T extends ListeningProcess>(server: T): T => {
    teardown.add(() => server.stop());
    return server;
  };
  const one = started(await startServerProcess({ env: { DATABASE_URL: oneDb.url }, log: prefixed('one') }));
  const plain = started(await startPlainServerProcess(prefixed('plain')));
  const env = { DATABASE_URL: threeDb.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix };
  const first = started(await startServerProcess({ env, log: prefixed('three#1') }));
  const joining = await Promise.allSettled(
    [2, 3].map((n) => startServerProcess({ env, cookie: first.cookie, log: prefixed(`three#${n}`) }).then(started)),
  );
  const failed = joining.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const others = joining.map((outcome) => (outcome as PromiseFulfilledResult<ServerProcess>).value);
  info(`one: pid ${one.pid}; three: pids ${[first, ...others].map((server) => server.pid).join(', ')}; plain: pid ${plain.pid}`);

  let plainRooms = 0;
  const productRooms = (server: ServerProcess) => (count: number) => sectionRooms(server.url, server.cookie, count);
  const deployments: Record<DeploymentName, Deployment> = {
    one: { servers: [one], rooms: productRooms(one), services: { postgres: oneDb.backendsCpu } },
    three: {
      servers: [first, ...others],
      rooms: productRooms(first),
      services: { postgres: threeDb.backendsCpu, redis: redis.serverCpu },
    },
    plain: { servers: [plain], rooms: async (count) => Array.from({ length: count }, () => `bench-room-${++plainRooms}`), services: {} },
  };
  const backendChurn = () => {
    const [a, b] = [oneDb.backendChurn(), threeDb.backendChurn()];
    return { started: a.started + b.started, ended: a.ended + b.ended };
  };
  return { deployments, backendChurn };
}

/** Connects the crowd to fresh rooms of `deployment`, lets it type, and returns the run's figures. */
async function typeAgainst(deployment: Deployment, options: BenchOptions): Promise<RunFigures> {
  const rooms = await deployment.rooms(options.rooms);
  const crowd = await Crowd.connect(deployment.servers, rooms, options.editors);
  try {
    const measured = await measureTyping(
      crowd,
      { ratePerEditor: options.rate, warmupSeconds: options.warmup, seconds: options.seconds, cursors: options.cursors },
      deployment.servers.map((server) => cumulativeCpu(() => server.cpuSeconds())),
      deployment.services,
    );
    return runFigures(measured);
  } finally {
    crowd.destroy();
  }
}

async function processesReport(servers: readonly ListeningProcess[], startMemoryMB: number[]): Promise<ProcessesReport> {
  const peak = await Promise.all(servers.map((server) => server.peakMemoryMB()));
  return {
    startMemoryMB: startMemoryMB.map((mb) => Math.round(mb)),
    peakMemoryMB: peak.map((mb) => Math.round(mb)),
    serverLogLines: servers.reduce((sum, server) => sum + server.logLines(), 0),
  };
}

/** Types against each deployment in the order of {@link ROUND}, `options.rounds` times; each run's figures. */
async function runRounds(
  deployments: Record<DeploymentName, Deployment>,
  options: BenchOptions,
  info: (message: string) => void,
): Promise<Record<DeploymentName, RunFigures[]>> {
  const runs: Record<DeploymentName, RunFigures[]> = { one: [], three: [], plain: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const name of ROUND) {
      const deployment = deployments[name];
      info(`round ${round}/${options.rounds}: ${options.editors} editors typing against ${name} (${deployment.servers.length} process(es)), ${options.warmup} s warm-up + ${options.seconds} s`);
      const figures = await typeAgainst(deployment, options);
      const services = [`PostgreSQL ${figures.postgresCpuMsPerEdit ?? '–'}`, `Redis ${figures.redisCpuMsPerEdit ?? '–'}`].join(', ');
      info(
        `  ${name}: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, CPU ms per edit ${figures.cpuMsPerEdit} (${services}),` +
          ` bench ${figures.benchCpuPercent} %, others ${figures.othersCpuPercent} % of a core, missing ${figures.missingDeliveries}`,
      );
      if (figures.othersCpuPercent > 20) info(`  other processes used ${figures.othersCpuPercent} % of a core: this run is noisy`);
      runs[name].push(figures);
      await sleep(SETTLE_MS);
    }
  }
  return runs;
}

/** Runs the comparison; everything it starts is added to `teardown`, which the caller runs. */
export async function compareInstances(options: BenchOptions, teardown: Teardown, info: (message: string) => void): Promise<InstancesResult> {
  const { deployments, backendChurn } = await startDeployments(teardown, info);
  const names = Object.keys(deployments) as DeploymentName[];
  const startMemory = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await Promise.all(deployments[name].servers.map((server) => server.memoryMB()))] as const)),
  ) as Record<DeploymentName, number[]>;

  const runs = await runRounds(deployments, options, info);

  const result = async (name: DeploymentName): Promise<DeploymentResult> => ({
    instances: deployments[name].servers.length,
    ...summariseRuns(runs[name]),
    ...(await processesReport(deployments[name].servers, startMemory[name])),
  });
  const [one, three, plain] = await Promise.all([result('one'), result('three'), result('plain')]);
  const churn = backendChurn();
  info(`PostgreSQL backends while typing: ${churn.started} started, ${churn.ended} ended`);
  return {
    order: [...ROUND],
    rounds: options.rounds,
    one,
    three,
    plain,
    ratios: ratios(one, three, plain),
    aims: aims(three, one),
    postgresBackends: churn,
  };
}
