/**
 * Request ids in the JSON logs (issue 11, item 5): a well-formed `X-Request-Id` from a proxy is kept, any
 * other replaced by a fresh id; either way it is echoed in the response and carried by every log line of
 * the request — and by the log lines of a room connection, under its upgrade's id. A hostile header never
 * reaches the logs.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { updateMessage } from '../helpers/wireMessages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LogLine {
  reqId?: string;
  msg?: string;
  [field: string]: unknown;
}

describe('request ids', () => {
  let server: TestServer;
  /** Every line the server logged, as written. */
  const written: string[] = [];
  const lines = () => written.map((line) => JSON.parse(line) as LogLine);

  beforeEach(async () => {
    written.length = 0;
    server = await startServer({ config: { logLevel: 'info' }, logStream: { write: (line) => void written.push(line) } });
  });
  afterEach(async () => {
    await server.close();
  });

  it('keeps a well-formed X-Request-Id, echoes it and logs every line of the request under it', async () => {
    const id = 'lb-7f3a.2_Z';
    const response = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': id } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(id);
    await waitFor(() => lines().some((line) => line.reqId === id && line.msg === 'request completed'), { what: 'the request logged' });
    expect(lines().filter((line) => line.reqId === id).map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('gives a request without one a fresh id, refusals included', async () => {
    const first = await fetch(`${server.url}/api/me`);
    const second = await fetch(`${server.url}/api/me`);
    expect([first.status, second.status]).toEqual([401, 401]);
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('replaces a hostile X-Request-Id, which reaches no log line', async () => {
    const hostile = ['x'.repeat(65), 'abc def', '"},"level":60,"msg":"forged', '../../etc/passwd', 'id\tsplit'];
    for (const value of hostile) {
      const response = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': value } });
      const id = response.headers.get('x-request-id');
      expect(id, value).toMatch(UUID);
      await waitFor(() => lines().some((line) => line.reqId === id && line.msg === 'request completed'), { what: 'the request logged' });
    }
    const log = written.join('');
    for (const value of hostile) expect(log, value).not.toContain(JSON.stringify(value).slice(1, -1));
    expect(log).not.toContain('forged');
  });

  it("logs a room connection's lines under the request id of its upgrade", async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = `${report.id}/review`;
    const socket = new WebSocket(`${server.collabUrl}/${room}`, { headers: { cookie: server.adminCookie, 'x-request-id': 'upgrade-42' } });
    socket.on('error', () => undefined);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => socket.once('open', () => resolve()));
    // The review room is read-only for everyone: a write closes the connection with 4403.
    const doc = new Y.Doc();
    doc.getMap('review').set('status', 'issued');
    socket.send(updateMessage(Y.encodeStateAsUpdate(doc)));
    expect(await closed).toBe(4403);

    await waitFor(() => lines().some((line) => line.msg === 'closed the room connection'), { what: 'the close logged' });
    expect(lines().find((line) => line.msg === 'closed the room connection')).toMatchObject({ reqId: 'upgrade-42', room, code: 4403 });
  });
});
