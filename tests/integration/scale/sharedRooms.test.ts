/**
 * Issue 11, item 3: instances on one PostgreSQL database and one Redis serve the same rooms. What one
 * instance's client writes reaches the others' clients, in order, stored once; presence crosses too; a
 * change of rights made through one instance holds on the connections of another before the call answers;
 * an update message lost on the way is made up for from the store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../common/closeCodes.js';
import type { Report } from '../../../common/report.js';
import type { BusMessage } from '../../../server/scale/busMessages.js';
import type { RoomBus } from '../../../server/scale/roomBus.js';
import { assignSection, call, createReport, login, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { connectClient, type CollabClient } from '../../helpers/collabClient.js';
import { fillForIssue } from '../../helpers/issuable.js';
import { startInstances, type Instances } from '../../helpers/instances.js';
import type { TestServer } from '../../helpers/startServer.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { docFromStored } from '../../../server/storage/storedDocument.js';
import { waitFor } from '../../helpers/waitFor.js';

/** The close code a client's connection ends with, once it does. */
function closeCodeOf(client: CollabClient): Promise<number> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0));
  });
}

describe('several instances share rooms (PostgreSQL + Redis)', () => {
  let instances: Instances;
  const clients: CollabClient[] = [];
  let workspace: SeededWorkspace;
  let report: Report;

  /** Two instances, the workspace, and a report whose first section Phòng Nội vụ writes. */
  async function setUp(options: Parameters<typeof startInstances>[1] = {}): Promise<void> {
    instances = await startInstances(2, options);
    const [a] = instances.servers;
    workspace = await seedWorkspace(a!);
    const office = await login(a!.url, workspace.office.username, workspace.office.password);
    report = await createReport(a!.url, {}, office);
    await assignSection(a!.url, office, report.id, report.sections[0]!.id, workspace.departments.noivu.id);
  }

  /**
   * Phòng Nội vụ's section open through each instance, both synced (`setUp` first unless the test already
   * set up with options of its own).
   */
  async function noivuOnBoth(fresh = true) {
    if (fresh) await setUp();
    const [a, b] = instances.servers as [TestServer, TestServer];
    const cookie = await login(a.url, workspace.noivu.username, workspace.noivu.password);
    const room = report.sections[0]!.room;
    const onA = connect(a.collabUrl, room, cookie);
    const onB = connect(b.collabUrl, room, cookie);
    await Promise.all([onA.synced(), onB.synced()]);
    return { a, b, room, onA, onB };
  }

  const connect = (url: string, room: string, cookie: string) => {
    const client = connectClient(url, room, cookie);
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await instances?.close();
  });

  it('relays an edit stored through one instance to the clients of the other, and the store holds each once', async () => {
    const { a, b, room, onA, onB } = await noivuOnBoth();

    appendParagraph(onA.doc, 'Viết qua máy A');
    await waitFor(() => sectionText(onB.doc).includes('Viết qua máy A'), { what: 'the edit through A on B' });
    appendParagraph(onB.doc, 'Viết qua máy B');
    await waitFor(() => sectionText(onA.doc).includes('Viết qua máy B'), { what: 'the edit through B on A' });

    const stored = await a!.store.loadDocument(room);
    const doc = docFromStored(stored);
    const text = sectionText(doc);
    doc.destroy();
    expect(text.split('Viết qua máy A')).toHaveLength(2);
    expect(text.split('Viết qua máy B')).toHaveLength(2);
    expect(text).toBe(sectionText(onA.doc));

    // What the operator sees: both reachable, and B timed the updates that crossed from A.
    const health = (await (await fetch(`${b!.url}/api/health`)).json()) as { status: string; store: string; redis: string };
    expect(health).toMatchObject({ status: 'ok', store: 'ok', redis: 'ok' });
    const metrics = await (await fetch(`${b!.url}/metrics`)).text();
    const lagCount = Number(/^dong_soan_redis_lag_seconds_count (\d+)/m.exec(metrics)?.[1]);
    expect(lagCount).toBeGreaterThan(0);
  });

  it('converges when clients of both instances type at once, every word once', async () => {
    await setUp();
    const [a, b] = instances.servers;
    const cookie = await login(a!.url, workspace.noivu.username, workspace.noivu.password);
    const room = report.sections[0]!.room;
    const typists = [connect(a!.collabUrl, room, cookie), connect(b!.collabUrl, room, cookie), connect(b!.collabUrl, room, cookie)];
    await Promise.all(typists.map((client) => client.synced()));
    const lines = typists.map((client) => appendParagraph(client.doc, ''));
    const words: string[] = [];
    for (let round = 0; round < 30; round++) {
      typists.forEach((_, who) => {
        const word = `t${who}r${round} `;
        words.push(word);
        lines[who]!.insert(lines[who]!.length, word);
      });
      // Let the sockets carry some of it before the next round: edits cross between instances mid-stream.
      if (round % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => typists.every((client) => words.every((word) => sectionText(client.doc).includes(word))), {
      what: 'every word on every client',
    });
    const texts = typists.map((client) => sectionText(client.doc));
    expect(new Set(texts).size).toBe(1);
    for (const word of words) expect(texts[0]!.split(word)).toHaveLength(2);
  });

  it('shows presence across instances, stamped with the name the server knows, and removes it when the person leaves', async () => {
    const { a, b, room, onA, onB } = await noivuOnBoth();
    onA.provider.awareness.setLocalStateField('user', { name: 'Tên tự đặt', color: '#c0392b' });
    const seenOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name?: string } } | undefined;
    await waitFor(() => seenOnB()?.user?.name === 'Lê Văn Nam', { what: "A's caret on B with the server's name" });
    onA.destroy();
    await waitFor(() => seenOnB() === undefined, { what: "A's caret gone from B" });
  });

  it('refuses with 4403 a write sent through one instance after the section was given away through the other', async () => {
    await setUp();
    const [a, b] = instances.servers;
    const cookie = await login(a!.url, workspace.noivu.username, workspace.noivu.password);
    const office = await login(b!.url, workspace.office.username, workspace.office.password);
    const room = report.sections[0]!.room;
    const writer = connect(a!.collabUrl, room, cookie);
    await writer.synced();
    appendParagraph(writer.doc, 'Trước khi chuyển');
    await waitFor(async () => sectionText(docFromStored(await a!.store.loadDocument(room))).includes('Trước khi chuyển'));
    const closed = closeCodeOf(writer);

    await assignSection(b!.url, office, report.id, report.sections[0]!.id, workspace.departments.vhtt.id);
    appendParagraph(writer.doc, 'Sau khi chuyển');

    expect(await closed).toBe(CloseCode.forbiddenWrite);
    const stored = sectionText(docFromStored(await b!.store.loadDocument(room)));
    expect(stored).toContain('Trước khi chuyển');
    expect(stored).not.toContain('Sau khi chuyển');
  });

  it('turns a section approved through one instance to changed by an edit through the other, which had learnt it was not approved', async () => {
    const { a, b, room, onA } = await noivuOnBoth();
    const sectionId = report.sections[0]!.id;
    const chair = await login(b.url, workspace.chair.username, workspace.chair.password);
    const stateOf = async () => ((await (await call(a.url, chair, 'GET', `/api/reports/${report.id}`)).json()) as Report).sections[0]!.review?.state;
    // A's edit before any verdict: A now knows the section is not approved.
    appendParagraph(onA.doc, 'Trước khi duyệt');
    await waitFor(async () => sectionText(docFromStored(await a.store.loadDocument(room))).includes('Trước khi duyệt'));

    expect((await call(b.url, chair, 'PUT', `/api/reports/${report.id}/sections/${sectionId}/review`, { state: 'approved' })).status).toBe(200);
    appendParagraph(onA.doc, 'Sau khi duyệt');
    await waitFor(async () => (await stateOf()) === 'changed', { what: 'changed by the edit through A' });
  });

  it('freezes the rooms on one instance when the report is issued through the other, before the call answers', async () => {
    await setUp();
    const [a, b] = instances.servers;
    const cookie = await login(a!.url, workspace.noivu.username, workspace.noivu.password);
    const office = await login(b!.url, workspace.office.username, workspace.office.password);
    const chair = await login(b!.url, workspace.chair.username, workspace.chair.password);
    const room = report.sections[0]!.room;
    const writer = connect(a!.collabUrl, room, cookie);
    await writer.synced();
    const move = (who: string, to: string, extra: object = {}) => call(b!.url, who, 'POST', `/api/reports/${report.id}/status`, { to, ...extra });
    // Issue 12: the form checker lets through only a report with its parts written.
    await fillForIssue(b!, office, report);
    expect((await move(office, 'review')).status).toBe(200);
    expect((await move(chair, 'approved')).status).toBe(200);
    const closed = closeCodeOf(writer);

    expect((await move(office, 'issued', { number: 1, date: '2026-12-01' })).status).toBe(200);
    appendParagraph(writer.doc, 'Sau khi ban hành');

    expect(await closed).toBe(CloseCode.forbiddenWrite);
    expect(sectionText(docFromStored(await a!.store.loadDocument(room)))).not.toContain('Sau khi ban hành');
  });

  it('closes with 4401 the sockets on one instance of a session signed out through the other', async () => {
    await setUp();
    const [a, b] = instances.servers;
    const cookie = await login(a!.url, workspace.noivu.username, workspace.noivu.password);
    const reader = connect(a!.collabUrl, report.sections[1]!.room, cookie);
    await reader.synced();
    const closed = closeCodeOf(reader);
    expect((await call(b!.url, cookie, 'DELETE', '/api/session')).status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
  });

  it('closes on one instance the sockets of an account disabled through the other (4401), and of one whose role changed (4100)', async () => {
    await setUp();
    const [a, b] = instances.servers;
    const noivu = await login(a!.url, workspace.noivu.username, workspace.noivu.password);
    const office = await login(a!.url, workspace.office.username, workspace.office.password);
    const disabledOne = connect(a!.collabUrl, report.sections[0]!.room, noivu);
    const movedOne = connect(a!.collabUrl, report.sections[1]!.room, office);
    await Promise.all([disabledOne.synced(), movedOne.synced()]);
    const [disabledClose, movedClose] = [closeCodeOf(disabledOne), closeCodeOf(movedOne)];
    expect((await call(b!.url, b!.adminCookie, 'PATCH', `/api/users/${workspace.noivu.id}`, { disabled: true })).status).toBe(200);
    expect(await disabledClose).toBe(CloseCode.sessionEnded);
    expect((await call(b!.url, b!.adminCookie, 'PATCH', `/api/users/${workspace.office.id}`, { role: 'chair' })).status).toBe(200);
    expect(await movedClose).toBe(CloseCode.rightsChanged);
  });

  it('closes with 4404 the rooms on one instance of a report deleted through the other', async () => {
    await setUp();
    const [a, b] = instances.servers;
    const office = await login(a!.url, workspace.office.username, workspace.office.password);
    const draft = await createReport(a!.url, { title: 'Bản nháp bỏ đi' }, office);
    const reader = connect(a!.collabUrl, draft.sections[1]!.room, office);
    await reader.synced();
    const closed = closeCodeOf(reader);
    expect((await call(b!.url, office, 'DELETE', `/api/reports/${draft.id}`)).status).toBe(204);
    expect(await closed).toBe(CloseCode.reportDeleted);
  });

  it('makes up from the store for an update message lost on the way, whether or not another follows it', async () => {
    // Instance B loses the first update message of the section it hears.
    const lost: number[] = [];
    const losing = (bus: RoomBus, index: number): RoomBus =>
      index === 0
        ? bus
        : {
            ...bus,
            instanceId: bus.instanceId,
            join: (room, listener) =>
              bus.join(room, (message: BusMessage) => {
                if (message.kind === 'update' && room.includes('/section/') && lost.length < 2) {
                  lost.push(message.seq);
                  return;
                }
                listener(message);
              }),
            leave: (room) => bus.leave(room),
            publish: (room, message) => bus.publish(room, message),
            publishEvent: (event) => bus.publishEvent(event),
            onEvent: (listener) => bus.onEvent(listener),
            onReconnect: (listener) => bus.onReconnect(listener),
            ping: () => bus.ping(),
            close: () => bus.close(),
          };
    await setUp({ wrapBus: losing, config: { scale: { databaseUrl: null, redisUrl: null, redisPrefix: 'x', gapWaitMs: 50, verifyEveryMs: 300 } } });
    const { a, b, room, onA, onB } = await noivuOnBoth(false);

    // Lost, then followed by another: B sees the gap and reads the store.
    appendParagraph(onA.doc, 'Mất trên đường');
    await waitFor(() => lost.length === 1, { what: 'the first message dropped' });
    appendParagraph(onA.doc, 'Theo sau');
    await waitFor(() => sectionText(onB.doc).includes('Mất trên đường') && sectionText(onB.doc).includes('Theo sau'), {
      what: 'both edits on B',
    });
    // Lost with nothing after it: the room's periodic check finds it.
    appendParagraph(onA.doc, 'Mất, không gì theo sau');
    await waitFor(() => lost.length === 2, { what: 'the second message dropped' });
    await waitFor(() => sectionText(onB.doc).includes('Mất, không gì theo sau'), { what: 'the last edit on B' });
    expect(sectionText(onB.doc)).toBe(sectionText(onA.doc));
  });
});
