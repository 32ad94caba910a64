/**
 * Starts the real server for a test: in this process (`startServer`, Fastify on 127.0.0.1 port 0) or as a
 * child process running `server/main.ts` (`spawnServer`, for signals). Each cleans up what it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type BuildOptions } from '../../server/app.js';
import { defaultConfig, type AppConfig } from '../../server/config.js';
import { openDataDirStore } from '../../server/storage/dataDirStore.js';
import type { Store } from '../../server/storage/store.js';
import { login } from './api.js';
import { listenLocally } from './listen.js';

const root = resolve(import.meta.dirname, '../..');

/** The admin password every test server starts with. */
export const ADMIN_PASSWORD = 'quan-tri-thu-nghiem';

export interface TestServer {
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `ws://127.0.0.1:PORT/collab` — the y-websocket server URL. */
  collabUrl: string;
  dataDir: string;
  /** The server's own store, to check what it holds. Closed with the server. */
  store: Store;
  /** The `admin` account's password (set through the config, as ADMIN_PASSWORD does). */
  adminPassword: string;
  /** A session cookie of `admin`, for setting things up. */
  adminCookie: string;
  /** Stops the server (flushing rooms); removes the data dir unless it was given. */
  close(): Promise<void>;
}

export interface StartOptions extends BuildOptions {
  /** Reuse a data dir (e.g. to restart on the same store); it is then not removed. */
  dataDir?: string;
  /** Listen on this port instead of a free one. */
  port?: number;
  config?: Partial<AppConfig>;
  /** Where to read the admin password from when the config leaves it random (it is printed once). */
  adminPasswordFrom?: () => string;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'dong-soan-test-'));
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeDataDir());
  const base = defaultConfig();
  const config = defaultConfig({
    dataDir,
    logLevel: 'error',
    ...options.config,
    auth: { ...base.auth, adminPassword: ADMIN_PASSWORD, seedDemo: false, ...options.config?.auth },
  });
  // As the server opens its data directory: the append journal on (the lock is the test's to hold).
  const store = options.store ?? openDataDirStore(dataDir);
  const app = await buildApp(config, { print: () => undefined, ...options, store });
  const url = await listenLocally(app, options.port ?? 0);
  const adminPassword = config.auth.adminPassword ?? options.adminPasswordFrom?.() ?? ADMIN_PASSWORD;
  const adminCookie = await login(url, 'admin', adminPassword);
  let closed = false;
  return {
    app,
    url,
    collabUrl: `ws://${new URL(url).host}/collab`,
    dataDir,
    store,
    adminPassword,
    adminCookie,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  collabUrl: string;
  port: number;
  /** Everything the process printed. */
  output(): string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process if it still runs and waits for it. */
  close(): Promise<void>;
}

/** Runs `server/main.ts` in a child process, as `npm start` does (without the build). */
export async function spawnServer(env: {
  DATA_DIR: string;
  PORT?: number;
  DEMO?: '0' | '1';
  /** More variables (DATABASE_URL, REDIS_URL… for several instances, issue 11). */
  extra?: Record<string, string>;
}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: env.DATA_DIR,
      PORT: String(env.PORT ?? 0),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD,
      DEMO: env.DEMO ?? '0',
      ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  const port = await new Promise<number>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) done(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => fail(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)));
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    output: () => output,
    exited,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Starts one server for the enclosing `describe` (beforeAll) and closes it afterwards (afterAll).
 * Returns a getter, since the server exists only once the hook has run.
 */
export function useServer(options: StartOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('useServer: the server is started in beforeAll');
    return server;
  };
}
