/**
 * What an operator scrapes at `GET /metrics` (issue 11, item 5): rooms, connections, updates stored, store
 * append latency and failures, Redis lag and catch-ups, connections closed by close code, export durations, responses by
 * status class — counts and durations only, never a report's title or a person's name (routes/metrics.ts
 * serves it without a session).
 *
 * One registry per app, not prom-client's global one: tests build several apps in one process, and each
 * must count only its own. The gauges are read when scraped, so the rooms' hot path pays nothing for them.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CloseCode } from '../../common/closeCodes.js';
import { BucketHistogram } from './bucketHistogram.js';

/** Which Word export took the time: a download, the file stored at issuing, or a named version's file. */
export type ExportKind = 'download' | 'issuing' | 'version';

/** Where the gauges read their values, at each scrape. */
export interface MetricSources {
  /** Rooms loaded or loading in this process. */
  rooms(): number;
  /** Room websockets open on this process. */
  connections(): number;
}

export interface Metrics {
  /** The app's own registry, in Prometheus text by `registry.metrics()`. */
  readonly registry: Registry;
  /** A room's update was appended to the store in `seconds` (one successful `appendUpdate`). */
  observeAppend(seconds: number): void;
  /** A room stored an update (then relays it): "updates/s" is this counter's rate. */
  countUpdate(): void;
  /** The store refused to append a room's update (the room retries, then gives up and closes with 1011). */
  countAppendFailure(): void;
  /** The server closed a room connection with `code` (CloseCode; 1006 for one cut without a close frame). */
  countClose(code: number): void;
  /**
   * An update published by another instance arrived here `seconds` after it was published (the
   * publisher's `Date.now()` carried in the message: clock skew between hosts adds in; below 0 counts as 0).
   */
  observeRedisLag(seconds: number): void;
  /** A room filled a gap in what Redis relayed from the store (a lost message, a Redis restart). */
  countCatchUp(): void;
  /** A Word file was built in `seconds`, from the request to the finished file (waiting for a thread included). */
  observeExport(kind: ExportKind, seconds: number): void;
  /** An HTTP response was sent with `statusCode`; counted by class (2xx, 4xx…). */
  countResponse(statusCode: number): void;
}

const PREFIX = 'dong_soan_';

/** From 0.1 ms (SQLite's fsync-less append) to 1 s (a PostgreSQL under strain). */
const APPEND_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
/** Redis relaying between instances: sub-millisecond on one host, seconds when something is wrong. */
const LAG_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** A small report builds in a fraction of a second; a 20,000-paragraph one in tens of seconds (issue 8). */
const EXPORT_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const EXPORT_KINDS: readonly ExportKind[] = ['download', 'issuing', 'version'];

/** Seconds since the moment it was made, for timing one call: `const elapsed = stopwatch(); …; elapsed()`. */
export function stopwatch(): () => number {
  const start = performance.now();
  return () => (performance.now() - start) / 1000;
}

/**
 * How often the event loop's delay is sampled (`nodejs_eventloop_lag_*`), in ms: not prom-client's 10, whose
 * timer woke an idle server 100 times a second, ≈ 10 ms of CPU a second on a small VM (issue 13). A stall
 * that matters (this long or longer) is still always seen.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  const registers = [registry];
  // The process's own (CPU, memory, event loop lag, GC) under their usual names, for the usual dashboards.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  const counter = (name: string, help: string, labelNames: string[] = []) => new Counter({ name: PREFIX + name, help, labelNames, registers });
  const histogram = (name: string, help: string, buckets: number[], labelNames: string[] = []) =>
    new Histogram({ name: PREFIX + name, help, buckets, labelNames, registers });
  // Read when scraped: the rooms' hot path pays nothing for them.
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: PREFIX + name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });

  gauge('rooms', 'Rooms loaded or loading in this process', sources.rooms);
  gauge('connections', 'Room websockets open on this process', sources.connections);
  // Counted once per stored keystroke, so cheaply: a plain number added to the counter when scraped, and a
  // histogram whose observation is a bucket increment (bucketHistogram.ts), where prom-client's cost µs each.
  let updatesSinceScrape = 0;
  new Counter({
    name: `${PREFIX}updates_stored_total`,
    help: 'Document updates rooms stored, each then relayed',
    registers,
    collect() {
      this.inc(updatesSinceScrape);
      updatesSinceScrape = 0;
    },
  });
  const appends = new BucketHistogram(`${PREFIX}store_append_seconds`, 'How long appending one update to the store took', APPEND_BUCKETS, registers);
  const appendFailures = counter('store_append_failures_total', 'Appends of an update the store refused (each is retried)');
  const closes = counter(
    'connections_closed_total',
    'Room connections the server closed, by close code: 44xx refused, 4100 rights changed, 1011 server error, 1001 going away, 1006 cut (too slow to read)',
    ['code'],
  );
  const redisLag = histogram('redis_lag_seconds', 'From an update published by another instance to its receipt here', LAG_BUCKETS);
  const catchUps = counter('redis_catchups_total', 'Gaps in the updates relayed through Redis that a room filled from the store');
  const exports = histogram('export_seconds', 'How long building a Word file took, by kind (download, issuing, version)', EXPORT_BUCKETS, ['kind']);
  const responses = counter('http_responses_total', 'HTTP responses sent, by status class', ['class']);
  // Every series exists from the start at 0, so a rate over the first refusal is not lost.
  for (const code of Object.values(CloseCode)) closes.inc({ code: String(code) }, 0);
  for (const kind of EXPORT_KINDS) exports.zero({ kind });

  return {
    registry,
    observeAppend: (seconds) => appends.observe(seconds),
    countUpdate: () => {
      updatesSinceScrape++;
    },
    countAppendFailure: () => appendFailures.inc(),
    countClose: (code) => closes.inc({ code: String(code) }),
    observeRedisLag: (seconds) => redisLag.observe(Math.max(0, seconds)),
    countCatchUp: () => catchUps.inc(),
    observeExport: (kind, seconds) => exports.observe({ kind }, seconds),
    countResponse: (statusCode) => responses.inc({ class: `${Math.floor(statusCode / 100)}xx` }),
  };
}
