/**
 * The V8 inspector of a child process the bench started with `--inspect=127.0.0.1:0`, for the memory
 * figures: a full garbage collection before memory is read (otherwise garbage from the joins decides the
 * deltas), and the JavaScript heap in use. Nothing in the servers changes for it.
 */
import WebSocket from 'ws';

/** Node flags for a process to be inspected: a random port on the loopback only. */
export const INSPECT_ARGS = ['--inspect=127.0.0.1:0'];

/** How long to wait for the inspector's address and for each answer. */
const TIMEOUT_MS = 10_000;

/**
 * Watches a child's output for its inspector's address: give `log` to the start function (other lines are
 * printed as `[label] line`), then `url()` once it listens.
 */
export function inspectorAddress(label: string): { log: (line: string) => void; url: () => Promise<string> } {
  let found: (url: string) => void = () => {};
  const address = new Promise<string>((done) => (found = done));
  return {
    log: (line) => {
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(line);
      if (match) found(match[1]!);
      else if (!/^For help, see:|^Debugger (attached|ending)/.test(line)) process.stderr.write(`[${label}] ${line}\n`);
    },
    url: () => withTimeout(address, `the inspector address of ${label}`),
  };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_done, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${TIMEOUT_MS} ms: ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One Chrome DevTools Protocol session with a process. */
export class Inspector {
  private nextId = 1;
  private readonly waiting = new Map<number, { done: (result: unknown) => void; fail: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const call = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!call) return;
      this.waiting.delete(message.id!);
      if (message.error) call.fail(new Error(message.error.message));
      else call.done(message.result);
    });
    socket.on('close', () => {
      for (const call of this.waiting.values()) call.fail(new Error('the inspector closed'));
      this.waiting.clear();
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await withTimeout(
      new Promise<void>((done, fail) => {
        socket.once('open', () => done());
        socket.once('error', fail);
      }),
      `connecting to ${url}`,
    );
    return new Inspector(socket);
  }

  private call(method: string): Promise<unknown> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((done, fail) => this.waiting.set(id, { done, fail }));
    this.socket.send(JSON.stringify({ id, method }));
    return withTimeout(answer, method);
  }

  /** A full, blocking garbage collection. */
  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
  }

  /** Bytes of the JavaScript heap in use (live objects after a collection; Buffers' memory is outside it). */
  async heapUsedBytes(): Promise<number> {
    const usage = (await this.call('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  }

  /** Detaches; a process with a session attached waits for it to end before it exits. */
  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((done) => {
      this.socket.once('close', () => done());
      this.socket.close();
    });
  }
}
