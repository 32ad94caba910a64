/**
 * `GET /metrics` against a running server (issue 11, item 5): what a real client's editing, a refused write
 * and Word exports do to the figures; that the text is Prometheus' format; that it names no report and no
 * person; that each app counts only its own; and that `METRICS_TOKEN` closes it to callers without the token.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../common/report.js';
import { loadConfig } from '../../server/config.js';
import { openSqliteStore } from '../../server/storage/sqliteStore.js';
import { assignSection, call, createReport, login, seedWorkspace, type SeededWorkspace } from '../helpers/api.js';
import { connectClient, type CollabClient } from '../helpers/collabClient.js';
import { fillForIssue } from '../helpers/issuable.js';
import { faultyStore } from '../helpers/faultyStore.js';
import { parseExposition, sample, scrape } from '../helpers/prometheus.js';
import { appendParagraph } from '../helpers/sectionText.js';
import { makeDataDir, startServer, type TestServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

/** Words that must never reach the scrape: a title, a department, a person, what they wrote. */
const TITLE = 'Báo cáo tuyệt mật xã Lấp Vò';
const TYPED = 'Nội dung riêng của Phòng Nội vụ';

describe('GET /metrics', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let report: Report;
  const clients: CollabClient[] = [];
  const others: TestServer[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    server = await startServer();
    ws = await seedWorkspace(server);
    report = await createReport(server.url, { title: TITLE }, server.adminCookie);
    await assignSection(server.url, server.adminCookie, report.id, report.sections[0]!.id, ws.departments.noivu.id);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const other of others.splice(0)) await other.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await server.close();
  });

  function connect(room: string, cookie: string): CollabClient {
    const client = connectClient(server.collabUrl, room, cookie);
    clients.push(client);
    return client;
  }

  it('counts the rooms, connections and stored updates, and times each append, as a real client edits', async () => {
    const before = (await scrape(server.url)).exposition;
    const room = report.sections[0]!.room;
    const client = connect(room, await login(server.url, ws.noivu.username, ws.noivu.password));
    await client.synced();
    appendParagraph(client.doc, TYPED);
    await waitFor(async () => (await storedText(server.store, room)).includes(TYPED), { what: 'the edit stored' });

    const { text, exposition: after } = await scrape(server.url);
    expect(sample(after, 'dong_soan_rooms')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'dong_soan_connections')).toBe(1);
    expect(sample(after, 'dong_soan_updates_stored_total')).toBeGreaterThan(sample(before, 'dong_soan_updates_stored_total'));
    expect(sample(after, 'dong_soan_store_append_seconds_count')).toBeGreaterThan(sample(before, 'dong_soan_store_append_seconds_count'));
    expect(sample(after, 'dong_soan_store_append_seconds_sum')).toBeGreaterThan(0);
    expect(after.types.get('dong_soan_store_append_seconds')).toBe('histogram');
    expect(after.types.get('dong_soan_updates_stored_total')).toBe('counter');

    // Counts only: no title, room, department, person or text.
    for (const secret of [TITLE, report.id, TYPED, ws.noivu.username, 'Lê Văn Nam', ws.departments.noivu.name, ws.departments.noivu.id]) {
      expect(text, secret).not.toContain(secret);
    }

    // The gauge is read at each scrape: the connection gone, it reads 0.
    client.destroy();
    await waitFor(async () => sample((await scrape(server.url)).exposition, 'dong_soan_connections') === 0, { what: 'no connection counted' });

    // Another app in the same process counts only its own.
    const other = await startServer();
    others.push(other);
    expect(sample((await scrape(other.url)).exposition, 'dong_soan_updates_stored_total')).toBe(0);
  });

  it('counts an append the store refused, and the retry that stored it', async () => {
    const dataDir = await makeDataDir();
    const faults = faultyStore(openSqliteStore(join(dataDir, 'dong-soan.sqlite')));
    const faulty = await startServer({ dataDir, store: faults.store });
    others.push(faulty);
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const room = (await createReport(faulty.url, {}, faulty.adminCookie)).sections[0]!.room;
    const client = connectClient(faulty.collabUrl, room, faulty.adminCookie);
    clients.push(client);
    await client.synced();
    const before = (await scrape(faulty.url)).exposition;

    faults.failNext('appendUpdate');
    appendParagraph(client.doc, TYPED);
    await waitFor(async () => (await storedText(faulty.store, room)).includes(TYPED), { what: 'the edit stored on the retry' });
    const after = (await scrape(faulty.url)).exposition;
    expect(sample(after, 'dong_soan_store_append_failures_total')).toBe(sample(before, 'dong_soan_store_append_failures_total') + 1);
    expect(sample(after, 'dong_soan_updates_stored_total')).toBe(sample(before, 'dong_soan_updates_stored_total') + 1);
  });

  it('counts a connection closed for writing where it may only read, under 4403', async () => {
    const counted = async (code: number) => sample((await scrape(server.url)).exposition, `dong_soan_connections_closed_total{code="${code}"}`);
    const [refusedBefore, malformedBefore] = [await counted(4403), await counted(4400)];
    // The review room is read-only for everyone: a client writing to it is closed with 4403.
    const reader = connect(`${report.id}/review`, server.adminCookie);
    await reader.synced();
    const closed = new Promise<number>((resolve) => reader.provider.ws!.addEventListener('close', (event) => resolve((event as CloseEvent).code)));
    reader.doc.getMap('review').set('status', 'issued');
    expect(await closed).toBe(4403);

    expect(await counted(4403)).toBe(refusedBefore + 1);
    expect(await counted(4400)).toBe(malformedBefore);
  });

  it('times every Word file built, by kind: a download, a version, the file stored at issuing', async () => {
    const exports = async (kind: string) => sample((await scrape(server.url)).exposition, `dong_soan_export_seconds_count{kind="${kind}"}`);
    expect([await exports('download'), await exports('version'), await exports('issuing')]).toEqual([0, 0, 0]);

    const download = await call(server.url, server.adminCookie, 'GET', `/api/reports/${report.id}/export.docx`);
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    expect(await exports('download')).toBe(1);

    const version = (await (await call(server.url, server.adminCookie, 'POST', `/api/reports/${report.id}/versions`, { label: 'Bản nháp' })).json()) as { id: string };
    const versionFile = await call(server.url, server.adminCookie, 'GET', `/api/reports/${report.id}/versions/${version.id}/export.docx`);
    expect(versionFile.status).toBe(200);
    await versionFile.arrayBuffer();
    expect(await exports('version')).toBe(1);

    const chair = await login(server.url, ws.chair.username, ws.chair.password);
    // Issue 12: the form checker lets through only a report with its parts written.
    await fillForIssue(server, server.adminCookie, report);
    for (const [cookie, to] of [[server.adminCookie, 'review'], [chair, 'approved'], [server.adminCookie, 'issued']] as const) {
      const changed = await call(server.url, cookie, 'POST', `/api/reports/${report.id}/status`, { to });
      expect(changed.status, `${to}: ${await changed.clone().text()}`).toBe(200);
    }
    expect(await exports('issuing')).toBe(1);
    const { exposition } = await scrape(server.url);
    expect(sample(exposition, 'dong_soan_export_seconds_sum{kind="issuing"}')).toBeGreaterThan(0);
  });

  it('is Prometheus text, with the process figures and the responses by status class', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const exposition = parseExposition(await response.text());
    expect(sample(exposition, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(exposition, 'dong_soan_http_responses_total{class="2xx"}')).toBeGreaterThan(0);
    expect(exposition.types.get('dong_soan_redis_lag_seconds')).toBe('histogram');
    // The format check itself refuses what is not Prometheus text.
    expect(() => parseExposition('dong_soan_rooms one\n')).toThrow(/line 1/);
  });

  it('answers only a caller with the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'mot-ma-rat-dai-cho-prometheus';
    const guarded = await startServer({ config: { metrics: loadConfig({ METRICS_TOKEN: token }).metrics } });
    others.push(guarded);
    for (const authorization of [undefined, 'Bearer sai-ma-roi-mot-chut-nua', `Basic ${token}`]) {
      const response = await fetch(`${guarded.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    // A signed-in session is no key either: the token is the only one.
    expect((await call(guarded.url, guarded.adminCookie, 'GET', '/metrics')).status).toBe(401);
    const { exposition } = await scrape(guarded.url, { authorization: `Bearer ${token}` });
    expect(sample(exposition, 'dong_soan_rooms')).toBe(0);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN: /);
  });
});
