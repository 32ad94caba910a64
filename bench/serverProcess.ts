/**
 * The servers the benchmark measures, each in a child process as an operator runs it — the product
 * (`server/main.ts`) and the plain in-memory y-websocket reference (`bench/plainServer.ts`) — plus what the
 * benchmark reads about them from /proc: CPU time and resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtServers } from './builtServers.js';
import { checkSession, login, sleep } from './client.js';
import { processCpuSeconds } from './machine.js';

const root = resolve(import.meta.dirname, '..');
const STOP_TIMEOUT_MS = 15_000;

/** A child process listening on a port, and what /proc says about it. */
export interface ListeningProcess {
  pid: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The y-websocket server URL: a room `r` is at `${collabUrl}/r`. */
  collabUrl: string;
  /** The `Cookie` header its websockets are opened with ('' when it asks for none). */
  cookie: string;
  /** User + system CPU seconds the process has used so far. */
  cpuSeconds(): Promise<number>;
  /** The process's peak resident set size so far (VmHWM), in MB. */
  peakMemoryMB(): Promise<number>;
  /** The process's current resident set size (VmRSS), in MB. */
  memoryMB(): Promise<number>;
  /** Lines the process printed after it started listening (the product logs at `warn`: each is worth a look). */
  logLines(): number;
  /** Stops the process (SIGTERM, waiting for it to flush; SIGKILL after a timeout). Idempotent. */
  stop(): Promise<void>;
}

/** A running product server child process. */
export interface ServerProcess extends ListeningProcess {
  /** `ws://127.0.0.1:PORT/collab` */
  collabUrl: string;
  /** A session cookie of the bench's admin account (the server starts with DEMO=0 and a known password). */
  cookie: string;
  dataDir: string;
}

export interface StartServerOptions {
  /** Reuse this data dir (it is then not removed on stop); by default a fresh temp dir is made and removed. */
  dataDir?: string;
  /** Where the server's own output (warnings, errors) goes, line by line. */
  log?: (line: string) => void;
  /**
   * More environment for the server, e.g. `DATABASE_URL`, `REDIS_URL`, `REDIS_PREFIX` for one of several
   * instances (issue 11). The bench's own settings (port, data dir, admin password, log level) win.
   */
  env?: Record<string, string>;
  /**
   * A session cookie to use instead of signing in: one from another instance on the same PostgreSQL store,
   * where sessions are shared. Only the first instance of a store creates the admin account.
   */
  cookie?: string;
  /** Node flags for this process, after `BENCH_SERVER_NODE_ARGS`'s (e.g. `--inspect=127.0.0.1:0` for the memory figures). */
  nodeArgs?: string[];
  /**
   * Seed the demo workspace into the empty store (`DEMO=1`; its passwords go to `DATA_DIR/demo-accounts.txt`):
   * `--open` opens the demo's report as one of its people. Off by default: the other modes want an empty store.
   */
  demo?: boolean;
}

/** The admin password of the bench's throwaway server (an empty store in a temp dir). */
const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** Extra node flags, for diagnosis: e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" (the product), BENCH_PLAIN_NODE_ARGS (the plain server). */
const nodeArgsFrom = (variable: string): string[] => (process.env[variable] ?? '').split(/\s+/).filter(Boolean);
const serverNodeArgs = (): string[] => nodeArgsFrom('BENCH_SERVER_NODE_ARGS');

/** Starts the product as `npm start` runs it (`node dist/…/main.js`, builtServers.ts) on a free port and waits for its "listening on" line. */
export async function startServerProcess(options: StartServerOptions = {}): Promise<ServerProcess> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dong-soan-bench-')));
  const removeDir = async () => {
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
  };
  let child: Spawned;
  try {
    const { product } = await builtServers();
    child = await spawnListening([...serverNodeArgs(), ...(options.nodeArgs ?? []), product], {
      ...options.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      DEMO: options.demo === true ? '1' : '0',
    }, options.log ?? ((line: string) => process.stderr.write(`[server] ${line}\n`)));
  } catch (error) {
    await removeDir();
    throw error;
  }
  let cookie: string;
  try {
    cookie = options.cookie ?? (await login(child.url, 'admin', BENCH_ADMIN_PASSWORD));
    // A session made on another instance must hold here too (sessions are shared through PostgreSQL).
    if (options.cookie !== undefined) await checkSession(child.url, cookie);
  } catch (error) {
    await child.stop();
    await removeDir();
    throw error;
  }
  let stopped: Promise<void> | null = null;
  return {
    ...child,
    collabUrl: `ws://127.0.0.1:${child.port}/collab`,
    cookie,
    dataDir,
    stop() {
      stopped ??= child.stop().then(removeDir);
      return stopped;
    },
  };
}

/** Starts the plain in-memory y-websocket server (`bench/plainServer.ts`) on a free port, with `nodeArgs` if given. */
export async function startPlainServerProcess(log?: (line: string) => void, nodeArgs: string[] = []): Promise<ListeningProcess> {
  const { plain } = await builtServers();
  const child = await spawnListening([...nodeArgsFrom('BENCH_PLAIN_NODE_ARGS'), ...nodeArgs, plain], { PORT: '0' }, log ?? ((line) => process.stderr.write(`[plain] ${line}\n`)));
  return { ...child, collabUrl: `ws://127.0.0.1:${child.port}`, cookie: '' };
}

/** Quiet: the process used under 5 % of a core over the last {@link QUIET_WINDOW_MS}. */
const QUIET_WINDOW_MS = 250;
const QUIET_MAX_MS = 10_000;

/**
 * Waits (at most {@link QUIET_MAX_MS}) until a freshly started process has finished its start-up work — the
 * product's export worker threads compile their modules for about a second of CPU after it listens — so that
 * what is measured next is not a process still starting on a 2-core machine.
 */
export async function untilQuiet(server: ListeningProcess): Promise<void> {
  const deadline = performance.now() + QUIET_MAX_MS;
  let before = await server.cpuSeconds();
  while (performance.now() < deadline) {
    await sleep(QUIET_WINDOW_MS);
    const now = await server.cpuSeconds();
    if (now - before < 0.05 * (QUIET_WINDOW_MS / 1000)) return;
    before = now;
  }
}

type Spawned = Omit<ListeningProcess, 'collabUrl' | 'cookie'> & { port: number };

/** Spawns `node <args>` with `env` added to this process's, and waits for its "listening on http://…:PORT" line. */
async function spawnListening(args: string[], env: Record<string, string>, log: (line: string) => void): Promise<Spawned> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const printed = { lines: 0 };
  let port: number;
  try {
    port = await waitForPort(child, exited, log, printed);
  } catch (error) {
    await kill(child, exited);
    throw error;
  }
  const pid = child.pid!;
  let stopped: Promise<void> | null = null;
  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    cpuSeconds: () => processCpuSeconds(pid),
    peakMemoryMB: () => readStatusMB(pid, 'VmHWM'),
    memoryMB: () => readStatusMB(pid, 'VmRSS'),
    logLines: () => printed.lines,
    stop() {
      stopped ??= kill(child, exited);
      return stopped;
    },
  };
}

/** What node prints when started with `--inspect` and when the bench attaches to it: not the server's own lines. */
const INSPECTOR_LINE = /^(Debugger (listening on|attached|ending)|For help, see: https:\/\/nodejs\.org|Waiting for the debugger to disconnect)/;

/** Reads the child's output line by line (forever: a full pipe would block the server) until it listens. */
function waitForPort(
  child: ChildProcess,
  exited: Promise<void>,
  log: (line: string) => void,
  printed: { lines: number },
): Promise<number> {
  return new Promise((done, fail) => {
    let listening = false;
    const recent: string[] = [];
    const onLine = (line: string) => {
      const match = /listening on http:\/\/[^:\s]+:(\d+)/.exec(line);
      if (match && !listening) {
        listening = true;
        done(Number(match[1]));
        return;
      }
      if (line.trim() === '') return;
      if (listening && !INSPECTOR_LINE.test(line)) printed.lines += 1;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
    }
    void exited.then(() => {
      if (!listening) fail(new Error(`${child.spawnargs.at(-1) ?? 'server'} exited (${child.exitCode ?? child.signalCode}) before listening:\n${recent.join('\n')}`));
    });
  });
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function readStatusMB(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}
