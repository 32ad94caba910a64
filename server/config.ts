/**
 * The one validated configuration object, read from the environment here and nowhere else
 * (CONTRACT.md, "Starting it").
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { MAX_MESSAGE_BYTES, MAX_PENDING_BYTES } from '../common/limits.js';
import { MIN_PASSWORD_LENGTH } from '../common/account.js';
import type { RegistryOptions } from './collab/roomRegistry.js';
import { DEFAULT_THROTTLE, type ThrottleOptions } from './auth/loginThrottle.js';
import type { SessionOptions } from './auth/sessions.js';
import { defaultExportOptions, MIB, type ExportOptions } from './export/exportOptions.js';
import type { PdfRenderOptions } from './signing/sofficeRenderer.js';
import { projectRoot } from './projectRoot.js';

export interface AppConfig {
  /** Where to listen; `main` uses these, `buildApp` does not listen. */
  host: string;
  port: number;
  /** Holds the SQLite file and exported files. */
  dataDir: string;
  /** The built client (Vite's output); not served when it does not exist. */
  clientDir: string;
  /** Report templates and other data files. */
  templatesDir: string;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client's address (the login throttle counts per
   * address): false (the default: the socket's peer), a number of hops, or addresses/CIDRs. Behind nginx
   * every person would otherwise share the proxy's address and its limits.
   */
  trustProxy: boolean | number | string[];
  /** Fastify's log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  auth: {
    /** The first admin's password when the store is empty; null: a random one, printed once. */
    adminPassword: string | null;
    /** Seed the demo workspace into an empty store. */
    seedDemo: boolean;
    sessions: SessionOptions;
    throttle: ThrottleOptions;
  };
  collab: RegistryOptions & {
    maxMessageBytes: number;
    maxPendingBytes: number;
    maxBufferedBytes: number;
    /** How often every socket is pinged; one that has not answered the previous ping is cut, in ms. */
    heartbeatMs: number;
    /** How often the sessions behind open sockets are checked (expired, ended, disabled), in ms. */
    sessionCheckMs: number;
  };
  /** The Word export's worker threads, queue, size and memory limits (`server/export/exportOptions.ts`). */
  export: ExportOptions;
  /** The issued report's PDF (issue 10): which LibreOffice renders it, and for how long at most. */
  pdf: PdfRenderOptions;
  /**
   * Several instances (issue 11): PostgreSQL instead of the SQLite file, and Redis between instances. Both
   * null: one instance on SQLite, the default.
   */
  scale: {
    databaseUrl: string | null;
    redisUrl: string | null;
    /**
     * Starts every Redis channel and key of this deployment (several may share one Redis). By default
     * `dong-soan-` and a hash of the database's host, port and name: instances on one database share
     * rooms; deployments on different databases never hear each other.
     */
    redisPrefix: string;
    /** How long an update that arrived ahead of a missing one waits before the room reads the store, in ms. */
    gapWaitMs: number;
    /** How often a room with people in it checks the store for an update it missed, in ms. */
    verifyEveryMs: number;
  };
  metrics: {
    /** The bearer token `GET /metrics` asks for (routes/metrics.ts); null: it answers anyone who reaches it. */
    token: string | null;
  };
}

const root = projectRoot(import.meta.dirname);

/** Defaults for everything but the environment's part; tests override what they need. */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    host: '127.0.0.1',
    port: 3000,
    dataDir: resolve('data'),
    clientDir: resolve(root, 'client/dist'),
    templatesDir: resolve(root, 'templates'),
    logLevel: 'info',
    trustProxy: false,
    ...overrides,
    auth: {
      adminPassword: null,
      seedDemo: false,
      sessions: { idleTimeoutMs: 8 * 3600_000, absoluteTimeoutMs: 7 * 24 * 3600_000, secureCookie: false },
      throttle: DEFAULT_THROTTLE,
      ...overrides.auth,
    },
    collab: {
      maxMessageBytes: MAX_MESSAGE_BYTES,
      maxPendingBytes: MAX_PENDING_BYTES,
      // A reader that does not read is cut here, before its backlog costs the server memory.
      maxBufferedBytes: 16 * 1024 * 1024,
      idleUnloadMs: 30_000,
      syncIntervalMs: 500,
      awarenessIntervalMs: 50,
      maxAwarenessBytes: 8 * 1024,
      maxWaitingBytes: MAX_PENDING_BYTES,
      heartbeatMs: 30_000,
      sessionCheckMs: 60_000,
      // Each compaction rebuilds the room from its snapshot and log (snapshot.ts): every 500 updates it was
      // ≈ 4 % of a typing server's CPU (issue 13); 1,000 halves that, and a room loaded after a crash (an
      // orderly stop or unload compacts first) applies at most 1,000 small updates (≈ 20 ms).
      compactEvery: 1000,
      retryDelaysMs: [50, 250, 1000],
      ...overrides.collab,
    },
    export: { ...defaultExportOptions(), ...overrides.export },
    pdf: { soffice: 'soffice', searchPath: process.env.PATH ?? '', timeoutMs: 120_000, maxWaiting: 4, ...overrides.pdf },
    scale: { databaseUrl: null, redisUrl: null, redisPrefix: 'dong-soan', gapWaitMs: 150, verifyEveryMs: 10_000, ...overrides.scale },
    metrics: { token: null, ...overrides.metrics },
  };
}

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .refine((port) => port <= 65535, { message: 'must be at most 65535' })
    .default(3000),
  HOST: z.string().min(1, { message: 'must not be empty' }).default('127.0.0.1'),
  DATA_DIR: z.string().min(1, { message: 'must not be empty' }).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S*$/, { message: 'must be a redis:// URL' })
    .optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*)$/, { message: 'must be a number of proxies, or addresses/CIDRs separated by commas' })
    .optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1–64 letters, digits, ".", "_" or "-"' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  ADMIN_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }).optional(),
  DEMO: z.enum(['0', '1'], { message: 'must be 0 or 1' }).default('1'),
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: z.string().regex(/^\d+$/, { message: 'must be a whole number' }).transform(Number).default(480),
  /** `1` when the app is served over HTTPS (behind a proxy): the session cookie is then Secure. */
  COOKIE_SECURE: z.enum(['0', '1'], { message: 'must be 0 or 1' }).default('0'),
  /** The largest report the Word export builds, in MB of stored room state; larger answers 413. */
  EXPORT_MAX_MB: z.string().regex(/^[1-9]\d*$/, { message: 'must be a whole number ≥ 1' }).transform(Number).default(8),
  /** Worker threads building Word files at once (default: cores − 1, between 1 and 2). */
  EXPORT_THREADS: z
    .string()
    .regex(/^[1-9]\d*$/, { message: 'must be a whole number ≥ 1' })
    .transform(Number)
    .refine((threads) => threads <= 64, { message: 'must be at most 64' })
    .optional(),
  /** LibreOffice, which renders the issued report as PDF: a path, or a name looked up in PATH. */
  SOFFICE: z.string().min(1).default('soffice'),
  /** The longest a PDF rendering may take, in seconds. */
  PDF_TIMEOUT_SECONDS: z.string().regex(/^[1-9]\d*$/, { message: 'must be a whole number ≥ 1' }).transform(Number).default(120),
  /** The bearer token a scraper of `GET /metrics` must send; unset: no token is asked. Long enough not to be guessed. */
  METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
});

/** The default Redis prefix: one per database (host, port and name; never the password). */
function deploymentPrefix(databaseUrl: string | undefined): string {
  if (!databaseUrl) return 'dong-soan';
  const url = new URL(databaseUrl);
  const database = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  return `dong-soan-${createHash('sha256').update(database).digest('hex').slice(0, 12)}`;
}

/** Variables whose value is not repeated in an error: they may hold a password. */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'REDIS_URL', 'ADMIN_PASSWORD', 'METRICS_TOKEN']);

/** A configuration error: one line, naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from the environment; throws {@link ConfigError} naming a bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  // An empty variable (`PORT=`) means the same as an unset one.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    // A URL may carry a password: a start-up line must not print it.
    const shown = SECRET_VARIABLES.has(name) ? '' : ` (got "${env[name] ?? ''}")`;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}${shown}`);
  }
  const values = parsed.data;
  // Instances share rooms through the store: the SQLite file is one process's alone (storage/dataDirLock.ts).
  if (values.REDIS_URL && !values.DATABASE_URL) {
    throw new ConfigError('REDIS_URL: several instances need a shared PostgreSQL store; set DATABASE_URL too');
  }
  const defaults = defaultConfig();
  return defaultConfig({
    host: values.HOST,
    port: values.PORT,
    dataDir: resolve(values.DATA_DIR),
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY === undefined ? false : /^\d+$/.test(values.TRUST_PROXY) ? Number(values.TRUST_PROXY) : values.TRUST_PROXY.split(','),
    auth: {
      ...defaults.auth,
      adminPassword: values.ADMIN_PASSWORD ?? null,
      seedDemo: values.DEMO === '1',
      sessions: {
        ...defaults.auth.sessions,
        idleTimeoutMs: values.SESSION_IDLE_MINUTES * 60_000,
        secureCookie: values.COOKIE_SECURE === '1',
      },
    },
    export: {
      ...defaults.export,
      maxStoredBytes: values.EXPORT_MAX_MB * MIB,
      threads: values.EXPORT_THREADS ?? defaults.export.threads,
    },
    pdf: { ...defaults.pdf, soffice: values.SOFFICE, searchPath: env.PATH ?? '', timeoutMs: values.PDF_TIMEOUT_SECONDS * 1000 },
    scale: {
      ...defaults.scale,
      databaseUrl: values.DATABASE_URL ?? null,
      redisUrl: values.REDIS_URL ?? null,
      redisPrefix: values.REDIS_PREFIX ?? deploymentPrefix(values.DATABASE_URL),
    },
    metrics: { token: values.METRICS_TOKEN ?? null },
  });
}
