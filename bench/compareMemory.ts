/**
 * Memory of `--compare` (issue 13): bytes per connection and per loaded room, on a fresh product process (SQLite,
 * a data dir of its own) and a fresh plain server, each started for this alone with its V8 inspector open
 * (bench/inspector.ts). Memory is read after a full garbage collection, as connections are added: `count` to
 * one room, then `count` more, each to a room of its own. The plain rooms are given the same starting content
 * as the product's section rooms (a template's guidance text), written by their first client.
 *
 * Then whether the product unloads idle rooms, read from its `/metrics` gauge `dong_soan_rooms`: it unloads a
 * room 30 s after its last connection left (`config.collab.idleUnloadMs`; no variable shortens it), so the
 * check waits {@link UNLOAD_CHECK_MS} once per run, while the plain server is measured.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { connectClient, sectionRooms, sleep, type BenchClient } from './client.js';
import { ratio } from './compareReport.js';
import type { Teardown } from './instances.js';
import { INSPECT_ARGS, Inspector, inspectorAddress } from './inspector.js';
import { startPlainServerProcess, startServerProcess, untilQuiet, type ListeningProcess } from './serverProcess.js';
import { round2 } from './stats.js';

/** Connections opened to one room, then rooms opened with one connection each. */
export const MEMORY_COUNT = 200;
/** The product's idle unload delay (server/config.ts `collab.idleUnloadMs`) and how long the check waits. */
export const IDLE_UNLOAD_MS = 30_000;
export const UNLOAD_CHECK_MS = 35_000;
/** After connections open: the presence messages of the joins settle before memory is read. */
const SETTLE_MS = 1000;
const MIB = 1024 * 1024;

/** Resident memory (VmRSS) and the JavaScript heap in use, after a full collection. */
interface Reading {
  rssMB: number;
  heapMB: number;
}

export interface Footprint {
  /** Before, with `count` connections to one room, and with `count` more rooms of one connection each. */
  base: Reading;
  withConnections: Reading;
  withRooms: Reading;
  /** RSS: (with connections − base) ÷ count. */
  bytesPerConnection: number;
  /** RSS: (with rooms − with connections) ÷ count: a loaded section room and the one connection in it. */
  bytesPerRoomWithItsConnection: number;
  /** The same less {@link bytesPerConnection}: the room alone. */
  bytesPerRoom: number;
  /** The three figures from the JavaScript heap in use instead of RSS (no sockets' buffers, no SQLite cache). */
  heapBytesPerConnection: number;
  heapBytesPerRoomWithItsConnection: number;
  heapBytesPerRoom: number;
}

/** A server started for the memory figures: its process, its inspector, where `count` fresh rooms come from. */
interface MemoryTarget {
  server: ListeningProcess;
  inspector: Inspector;
  rooms(count: number): Promise<string[]>;
}

async function read(target: MemoryTarget): Promise<Reading> {
  // Twice: objects with finalizers (sockets' resources) are freed by the second.
  await target.inspector.collectGarbage();
  await target.inspector.collectGarbage();
  return { rssMB: round2(await target.server.memoryMB()), heapMB: round2((await target.inspector.heapUsedBytes()) / MIB) };
}

/**
 * Opens the connections, reading memory at each step; returns the footprint, each room's state as its
 * client holds it (the shared room first), and `close`, which disconnects them all. `seeds[i]`, when given,
 * is written into the i-th room by its first client.
 */
async function measureFootprint(target: MemoryTarget, count: number, seeds: readonly Uint8Array[] = []) {
  const [shared, ...own] = await target.rooms(count + 1);
  const clients: BenchClient[] = [];
  const close = () => {
    for (const client of clients.splice(0)) client.destroy();
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - 2 * count));
  };
  // y-websocket adds a process 'exit' listener per provider.
  process.setMaxListeners(process.getMaxListeners() + 2 * count);
  const connect = (room: string, seed: Uint8Array | undefined) => {
    const doc = new Y.Doc();
    if (seed) Y.applyUpdate(doc, seed);
    const client = connectClient(target.server, room, doc);
    clients.push(client);
    return client;
  };
  const settle = async (batch: readonly BenchClient[]) => {
    await Promise.all(batch.map((client) => client.synced()));
    await sleep(SETTLE_MS);
    return read(target);
  };
  try {
    await sleep(SETTLE_MS);
    const base = await read(target);
    const first = Array.from({ length: count }, (_, index) => connect(shared!, index === 0 ? seeds[0] : undefined));
    const withConnections = await settle(first);
    const singles = own.map((room, index) => connect(room, seeds[index + 1]));
    const withRooms = await settle(singles);
    const states = [first[0]!, ...singles].map((client) => Y.encodeStateAsUpdate(client.doc));
    const per = (from: number, to: number) => ((to - from) * MIB) / count;
    const perConnection = per(base.rssMB, withConnections.rssMB);
    const perRoom = per(withConnections.rssMB, withRooms.rssMB);
    const heapPerConnection = per(base.heapMB, withConnections.heapMB);
    const heapPerRoom = per(withConnections.heapMB, withRooms.heapMB);
    const footprint: Footprint = {
      base,
      withConnections,
      withRooms,
      bytesPerConnection: Math.round(perConnection),
      bytesPerRoomWithItsConnection: Math.round(perRoom),
      bytesPerRoom: Math.round(perRoom - perConnection),
      heapBytesPerConnection: Math.round(heapPerConnection),
      heapBytesPerRoomWithItsConnection: Math.round(heapPerRoom),
      heapBytesPerRoom: Math.round(heapPerRoom - heapPerConnection),
    };
    return { footprint, states, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Reads one unlabelled gauge from the product's `GET /metrics` (with the bench's `METRICS_TOKEN`). */
export async function readGauge(url: string, token: string, name: string): Promise<number> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status} ${text.slice(0, 200)}`);
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`GET /metrics has no ${name}`);
  return Number(match[1]);
}

export interface IdleUnload {
  idleUnloadMs: number;
  /** `dong_soan_rooms` with the memory measurement's connections open, right after they closed, and at the end. */
  roomsWhileOpen: number;
  roomsRightAfterClose: number;
  roomsAfterWait: number;
  /** How long after the connections closed the last reading was taken. */
  waitedMs: number;
  /** When the gauge was first seen at 0 (polled each second from 25 s on); null if it never was. */
  roomsZeroAfterMs: number | null;
  connectionsAfterWait: number;
  unloaded: boolean;
  /** The product's RSS with everything open and once the rooms were unloaded (V8 keeps much of its heap). */
  rssWhileOpenMB: number;
  rssAfterUnloadMB: number;
}

export interface MemoryResult {
  connections: number;
  rooms: number;
  product: Footprint;
  plain: Footprint;
  /** Product ÷ plain, from RSS and from the JavaScript heap. */
  ratio: { perConnection: number; perRoom: number; perRoomWithItsConnection: number; heapPerConnection: number; heapPerRoom: number };
  idleUnload: IdleUnload;
  /** Lines the memory product printed after start-up (it logs at `warn`). */
  productLogLines: number;
}

/** Starts the product (SQLite in a temp dir of its own) and the plain server with their inspectors open. */
async function startMemoryServers(teardown: Teardown) {
  const metricsToken = randomBytes(16).toString('hex');
  const productOutput = inspectorAddress('memory:product');
  const productServer = await startServerProcess({
    env: { DATABASE_URL: '', REDIS_URL: '', METRICS_TOKEN: metricsToken },
    nodeArgs: INSPECT_ARGS,
    log: productOutput.log,
  });
  teardown.add(() => productServer.stop());
  const productInspector = await Inspector.connect(await productOutput.url());
  teardown.add(() => productInspector.close());
  const plainOutput = inspectorAddress('memory:plain');
  const plainServer = await startPlainServerProcess(plainOutput.log, INSPECT_ARGS);
  teardown.add(() => plainServer.stop());
  const plainInspector = await Inspector.connect(await plainOutput.url());
  teardown.add(() => plainInspector.close());
  let plainRooms = 0;
  const product: MemoryTarget = {
    server: productServer,
    inspector: productInspector,
    rooms: (count) => sectionRooms(productServer.url, productServer.cookie, count),
  };
  const plain: MemoryTarget = {
    server: plainServer,
    inspector: plainInspector,
    rooms: async (count) => Array.from({ length: count }, () => `memory-room-${++plainRooms}`),
  };
  return { product, plain, metricsToken };
}

/**
 * Measures the product (whose rooms are then left to unload), the plain server meanwhile, then waits until
 * {@link UNLOAD_CHECK_MS} after the product's connections closed and reads its gauge again. The processes it
 * starts are added to `teardown`.
 */
export async function measureMemory(teardown: Teardown, info: (message: string) => void, count = MEMORY_COUNT): Promise<MemoryResult> {
  const { product, plain, metricsToken } = await startMemoryServers(teardown);
  await Promise.all([untilQuiet(product.server), untilQuiet(plain.server)]);
  info(`memory: fresh processes (product pid ${product.server.pid}, plain pid ${plain.server.pid}), read after a full GC`);
  const gauge = (name: string) => readGauge(product.server.url, metricsToken, name);
  info(`memory: product, ${count} connections to one room, then ${count} rooms of one connection`);
  const measured = await measureFootprint(product, count);
  const roomsWhileOpen = await gauge('dong_soan_rooms');
  const rssWhileOpenMB = await product.server.memoryMB();
  measured.close();
  const closedAt = performance.now();
  await sleep(500);
  const roomsRightAfterClose = await gauge('dong_soan_rooms');
  info(`  product: ${JSON.stringify(measured.footprint)}; ${roomsWhileOpen} rooms loaded, ${roomsRightAfterClose} just after closing`);

  info('memory: plain server, the same (its rooms given the product rooms’ starting content)');
  const plainMeasured = await measureFootprint(plain, count, measured.states);
  plainMeasured.close();
  info(`  plain: ${JSON.stringify(plainMeasured.footprint)}`);

  info(`waiting until ${UNLOAD_CHECK_MS / 1000} s after the product's connections closed (idle unload after ${IDLE_UNLOAD_MS / 1000} s)`);
  let roomsZeroAfterMs: number | null = null;
  for (;;) {
    const elapsed = performance.now() - closedAt;
    if (elapsed >= UNLOAD_CHECK_MS) break;
    if (elapsed >= IDLE_UNLOAD_MS - 5000 && roomsZeroAfterMs === null && (await gauge('dong_soan_rooms')) === 0) {
      roomsZeroAfterMs = Math.round(performance.now() - closedAt);
    }
    await sleep(Math.min(1000, UNLOAD_CHECK_MS - elapsed));
  }
  const roomsAfterWait = await gauge('dong_soan_rooms');
  const waitedMs = Math.round(performance.now() - closedAt);
  if (roomsZeroAfterMs === null && roomsAfterWait === 0) roomsZeroAfterMs = waitedMs;
  const idleUnload: IdleUnload = {
    idleUnloadMs: IDLE_UNLOAD_MS,
    roomsWhileOpen,
    roomsRightAfterClose,
    roomsAfterWait,
    waitedMs,
    roomsZeroAfterMs,
    connectionsAfterWait: await gauge('dong_soan_connections'),
    unloaded: roomsAfterWait === 0,
    rssWhileOpenMB: round2(rssWhileOpenMB),
    rssAfterUnloadMB: round2(await product.server.memoryMB()),
  };
  info(`  idle unload: ${JSON.stringify(idleUnload)}`);
  const a = measured.footprint;
  const b = plainMeasured.footprint;
  return {
    connections: count,
    rooms: count,
    product: a,
    plain: b,
    ratio: {
      perConnection: ratio(a.bytesPerConnection, b.bytesPerConnection),
      perRoom: ratio(a.bytesPerRoom, b.bytesPerRoom),
      perRoomWithItsConnection: ratio(a.bytesPerRoomWithItsConnection, b.bytesPerRoomWithItsConnection),
      heapPerConnection: ratio(a.heapBytesPerConnection, b.heapBytesPerConnection),
      heapPerRoom: ratio(a.heapBytesPerRoom, b.heapBytesPerRoom),
    },
    idleUnload,
    productLogLines: product.server.logLines(),
  };
}
