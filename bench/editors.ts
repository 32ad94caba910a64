/**
 * The typing scenario: simulated editors, each typing a few characters at a time into its own paragraph
 * of a section, and the propagation latency of every edit to every other editor of the room.
 *
 * Every edit also sets `bench.get(editorId) = seq` in the same transaction, so a receiver knows exactly
 * which edit it just got; all editors live in this process and share one clock (`performance.now()`).
 */
import * as Y from 'yjs';
import { connectClient, sleep, waitUntil, type BenchClient , type RoomEndpoint } from './client.js';
import { summarise, type Percentiles } from './stats.js';
import { seededRandom } from '../common/seededRandom.js';
import { Typist } from './text.js';

/** The Y.Map that carries each editor's latest edit number. */
const BENCH_MAP = 'bench';

export interface TypingOptions {
  /** Edits per second per editor (on average; intervals are jittered ±50 %). */
  ratePerEditor: number;
  /** Seconds of typing excluded from the statistics, at the start. */
  warmupSeconds: number;
  /** Seconds of typing measured, after the warm-up. */
  seconds: number;
  /** Also move an awareness cursor with every edit, as a real editor does. */
  cursors: boolean;
}

export interface TypingResult {
  /** Send-to-receipt latency, one sample per (edit, other editor of its room), edits sent in the window. */
  latencyMs: Percentiles;
  /**
   * Latency to the FIRST other editor to receive each edit: network + server + one client's handling. The
   * gap to {@link latencyMs} is time spent in this process handing the same update to every other editor.
   */
  firstReceiptMs: Percentiles;
  /** Receipts per second of edits sent in the measured window. */
  deliveredUpdatesPerSec: number;
  /** Edits sent per second in the measured window, all editors together. */
  sentEditsPerSec: number;
  /** Receipts (of any edit, warm-up included) that had not arrived 10 s after typing stopped. */
  missingDeliveries: number;
  /** Edits sent in all, warm-up included: what the servers' CPU time during typing is divided by. */
  editsSent: number;
  /**
   * With editors spread over several servers (instances behind Redis), {@link latencyMs} split by whether
   * sender and receiver were connected to the same server or to different ones; null with one server.
   */
  byServer: { sameMs: Percentiles; crossMs: Percentiles } | null;
}

/** One simulated person: a client, their paragraph, and what they have sent and received. */
class Editor {
  readonly id: string;
  /** sentAt[seq - 1] is when edit `seq` was made. */
  readonly sentAt: number[] = [];
  /** firstReceivedAt[seq - 1] is when the first other editor received edit `seq`. */
  readonly firstReceivedAt: number[] = [];
  /** The latest edit number received from each other editor. */
  readonly lastSeen = new Map<string, number>();
  /** Top-level nodes of the body when this editor had synced, before anyone added a paragraph. */
  initialBodyLength = 0;
  private text: Y.XmlText | null = null;
  private readonly typist: Typist;
  private readonly map: Y.Map<number>;

  constructor(
    index: number,
    readonly room: string,
    /** Which of the crowd's endpoints (servers) this editor is connected to. */
    readonly endpoint: number,
    readonly client: BenchClient,
  ) {
    this.id = `e${index}`;
    this.typist = new Typist(index + 1);
    this.map = client.doc.getMap<number>(BENCH_MAP);
  }

  get seq(): number {
    return this.sentAt.length;
  }

  /** Adds this editor's paragraph (a `paragraph` element holding one `Y.XmlText`) at the end of the body. */
  addParagraph(): void {
    const paragraph = new Y.XmlElement('paragraph');
    this.client.doc.transact(() => {
      this.client.body.insert(this.client.body.length, [paragraph]);
      paragraph.insert(0, [new Y.XmlText()]);
    });
    this.text = paragraph.get(0) as Y.XmlText;
  }

  /** Types a few characters at the end of the paragraph, stamping the edit in the same transaction. */
  type(cursors: boolean): void {
    const text = this.text;
    if (!text) throw new Error(`${this.id} has no paragraph`);
    const chars = this.typist.next();
    this.sentAt.push(performance.now());
    const seq = this.sentAt.length;
    this.client.doc.transact(() => {
      text.insert(text.length, chars);
      this.map.set(this.id, seq);
    });
    if (cursors) this.client.provider.awareness.setLocalStateField('cursor', { anchor: text.length, head: text.length });
  }

  /** Calls `onReceipt(senderId, seq, now)` for every edit of another editor this one receives. */
  listen(onReceipt: (senderId: string, seq: number, receivedAt: number) => void): void {
    this.map.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const sender of event.keysChanged) {
        const latest = this.map.get(sender);
        if (latest === undefined) continue;
        // Edits arrive in order, one per message; a gap would mean several in one message: count each.
        for (let seq = (this.lastSeen.get(sender) ?? 0) + 1; seq <= latest; seq++) onReceipt(sender, seq, now);
        this.lastSeen.set(sender, Math.max(latest, this.lastSeen.get(sender) ?? 0));
      }
    });
  }
}

/** Connected editors, ready to type. */
export class Crowd {
  private readonly byId: Map<string, Editor>;
  private destroyed = false;

  private constructor(
    private readonly editors: Editor[],
    private readonly serverCount: number,
  ) {
    this.byId = new Map(editors.map((editor) => [editor.id, editor]));
  }

  /**
   * Connects `count` editors spread round-robin over `rooms`, each with its own paragraph. Given several
   * endpoints (instances of one deployment), the editors of each room are spread round-robin over them too.
   */
  static async connect(endpoints: RoomEndpoint | readonly RoomEndpoint[], rooms: readonly string[], count: number): Promise<Crowd> {
    const servers = Array.isArray(endpoints) ? endpoints : [endpoints as RoomEndpoint];
    // y-websocket adds a process 'exit' listener per provider; many editors are expected here.
    process.setMaxListeners(process.getMaxListeners() + count);
    const editors: Editor[] = [];
    for (let index = 0; index < count; index++) {
      const room = rooms[index % rooms.length]!;
      const server = Math.floor(index / rooms.length) % servers.length;
      editors.push(new Editor(index, room, server, connectClient(servers[server]!, room)));
    }
    const crowd = new Crowd(editors, servers.length);
    try {
      await Promise.all(editors.map((editor) => editor.client.synced()));
      for (const editor of editors) editor.initialBodyLength = editor.client.body.length;
      for (const editor of editors) editor.addParagraph();
      // Everyone sees everyone's paragraph before typing starts.
      await waitUntil(
        () =>
          editors.every(
            (editor) => editor.client.body.length >= editor.initialBodyLength + crowd.roomSize(editor.room),
          ),
        'every editor to see the paragraphs of its room',
      );
    } catch (error) {
      crowd.destroy();
      throw error;
    }
    return crowd;
  }

  private roomSize(room: string): number {
    return this.editors.filter((editor) => editor.room === room).length;
  }

  /** Types for `warmupSeconds + seconds`, then waits for every edit to arrive everywhere. */
  async type(options: TypingOptions): Promise<TypingResult> {
    const samples: number[] = [];
    const sameServer: number[] = [];
    const crossServer: number[] = [];
    const intervalMs = 1000 / options.ratePerEditor;
    const start = performance.now();
    const windowStart = start + options.warmupSeconds * 1000;
    const windowEnd = windowStart + options.seconds * 1000;

    for (const receiver of this.editors) {
      receiver.listen((senderId, seq, receivedAt) => {
        const sender = this.byId.get(senderId);
        const sentAt = sender?.sentAt[seq - 1];
        if (!sender || sentAt === undefined || sentAt < windowStart || sentAt >= windowEnd) return;
        samples.push(receivedAt - sentAt);
        (sender.endpoint === receiver.endpoint ? sameServer : crossServer).push(receivedAt - sentAt);
        sender.firstReceivedAt[seq - 1] ??= receivedAt;
      });
    }

    const random = seededRandom(42);
    const timers = new Set<NodeJS.Timeout>();
    const typingDone = this.editors.map(
      (editor) =>
        new Promise<void>((done) => {
          // Staggered start, then jittered intervals around the mean, on an absolute schedule (no drift).
          let next = start + random() * intervalMs;
          const fire = () => {
            if (performance.now() >= windowEnd) return done();
            editor.type(options.cursors);
            next += intervalMs * (0.5 + random());
            schedule();
          };
          const schedule = () => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              fire();
            }, Math.max(0, next - performance.now()));
            timers.add(timer);
          };
          schedule();
        }),
    );
    await Promise.all(typingDone);
    for (const timer of timers) clearTimeout(timer);

    const missingDeliveries = await this.drain();
    const sentInWindow = this.editors.reduce(
      (sum, editor) => sum + editor.sentAt.filter((at) => at >= windowStart && at < windowEnd).length,
      0,
    );
    const firstReceipts: number[] = [];
    for (const editor of this.editors) {
      editor.firstReceivedAt.forEach((at, index) => firstReceipts.push(at - editor.sentAt[index]!));
    }
    return {
      latencyMs: summarise(samples),
      firstReceiptMs: summarise(firstReceipts),
      deliveredUpdatesPerSec: Math.round(samples.length / options.seconds),
      sentEditsPerSec: Math.round((sentInWindow / options.seconds) * 10) / 10,
      missingDeliveries,
      editsSent: this.editors.reduce((sum, editor) => sum + editor.seq, 0),
      byServer: this.serverCount > 1 ? { sameMs: summarise(sameServer), crossMs: summarise(crossServer) } : null,
    };
  }

  /** Waits (up to 10 s) until every editor has every other editor's edits; returns how many are missing. */
  private async drain(): Promise<number> {
    const missing = () => {
      let count = 0;
      for (const receiver of this.editors) {
        for (const sender of this.editors) {
          if (sender === receiver || sender.room !== receiver.room) continue;
          count += sender.seq - (receiver.lastSeen.get(sender.id) ?? 0);
        }
      }
      return count;
    };
    const deadline = performance.now() + 10_000;
    while (missing() > 0 && performance.now() < deadline) await sleep(20);
    return missing();
  }

  /** Disconnects every editor and frees its doc. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const editor of this.editors) editor.client.destroy();
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - this.editors.length));
  }
}
