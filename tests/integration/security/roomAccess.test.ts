/**
 * Rooms against a real server (issue 3, "Enforced by the server"): the upgrade refuses no or bad sessions
 * (401), people without access (403) and unknown rooms (404); a connection that may only read and sends a
 * document update is closed with 4403, and its update is not applied, stored or relayed; a change of
 * ownership takes effect at once; awareness carries the server-known identity; after a mix of allowed and
 * refused writes, the stored documents are exactly what the allowed clients wrote.
 *
 * Each test starts its own server, workspace and report: none depends on another's state or order.
 *
 * Refused writes carry distinctive ASCII markers (`TUCHOI-…`) so their absence can be checked in clients,
 * in fresh clients, and in the bytes the store holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Report } from '../../../common/report.js';
import {
  assignSection,
  call,
  createDepartment,
  createReport,
  createUser,
  login,
  seedWorkspace,
  type SeededWorkspace,
} from '../../helpers/api.js';
import { connectClient, openRawSocket, upgradeStatus, type CollabClient, type RawSocket } from '../../helpers/collabClient.js';
import { appendParagraph, body, sectionText } from '../../helpers/sectionText.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { expectError, nextCloseCode, sessionIdOf, storeBytesContain, storedDoc } from './support.js';

type Who = 'admin' | 'office' | 'noivu' | 'vhtt' | 'chair' | 'congan';

/** What others see of a person in awareness. */
interface AwarenessState {
  user?: { name?: string; departmentName?: string | null; role?: string; color?: string };
  probe?: string;
}

describe('rooms: who may open and who may write', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  const cookies = {} as Record<Who, string>;
  /** tham-muu → Phòng Nội vụ, ket-qua → Phòng Văn hóa - Thông tin; danh-gia and kien-nghi unassigned. */
  let report: Report;
  const clients = new Set<CollabClient>();
  const rawSockets: RawSocket[] = [];

  /** Every refused write, to check at the end that no stored byte of its room holds it. */
  const refused: Array<{ room: string; marker: string }> = [];
  /** What each section room must hold at the end: the text an allowed writer's client had. */
  const expectedSections = new Map<string, string>();
  const cleanups: Array<() => void> = [];

  const room = (part: string, of: Report = report) => `${of.id}/${part}`;

  /**
   * A y-websocket client. Without `presence` it announces no awareness state, so the write tests do not
   * depend on awareness (see the awareness tests, and the bug they report).
   */
  function connect(roomName: string, who: Who, presence = false): CollabClient {
    const client = connectClient(server.collabUrl, roomName, cookies[who]);
    if (!presence) client.provider.awareness.setLocalState(null);
    clients.add(client);
    return client;
  }

  async function connected(roomName: string, who: Who, presence = false): Promise<CollabClient> {
    const client = connect(roomName, who, presence);
    await client.synced();
    return client;
  }

  function destroy(client: CollabClient): void {
    if (clients.delete(client)) client.destroy();
  }

  /**
   * Makes a write that must be refused: expects the server to close the socket with 4403, then destroys
   * the client (its provider would otherwise keep the refused change and offer it again).
   */
  async function expectRefusedWrite(client: CollabClient, roomName: string, marker: string, write: (doc: Y.Doc) => void) {
    refused.push({ room: roomName, marker });
    const closed = nextCloseCode(client);
    write(client.doc);
    expect(await closed).toBe(4403);
    destroy(client);
  }

  /**
   * Proves that the server handled everything `client` sent so far and kept the connection: a sync step 1
   * sent now on its socket is answered with a sync step 2 only after the room handled the earlier messages
   * (one queue per room, in order), and never on a connection the server refused.
   */
  async function expectStillConnected(client: CollabClient): Promise<void> {
    const socket = client.provider.ws;
    expect(socket, 'the client has a socket').toBeTruthy();
    expect(client.provider.wsconnected).toBe(true);
    let answered = false;
    let closedWith: number | null = null;
    const onMessage = (event: MessageEvent) => {
      const data = new Uint8Array(event.data as ArrayBuffer);
      if (data[0] === 0 && data[1] === syncProtocol.messageYjsSyncStep2) answered = true;
    };
    const onClose = (event: CloseEvent) => {
      closedWith = event.code;
    };
    socket!.addEventListener('message', onMessage);
    socket!.addEventListener('close', onClose);
    try {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0); // y-websocket: sync
      syncProtocol.writeSyncStep1(encoder, client.doc);
      socket!.send(encoding.toUint8Array(encoder));
      await waitFor(() => answered || closedWith !== null, { what: 'an answer to sync step 1' });
      expect(closedWith).toBeNull();
      expect(client.provider.wsconnected).toBe(true);
    } finally {
      socket!.removeEventListener('message', onMessage);
      socket!.removeEventListener('close', onClose);
    }
  }

  /** A raw socket that only listens, collecting the awareness states the server relays (it echoes nothing). */
  function observeAwareness(roomName: string, who: Who): { raw: RawSocket; awareness: awarenessProtocol.Awareness } {
    const raw = openRawSocket(server.collabUrl, roomName, cookies[who]);
    rawSockets.push(raw);
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    cleanups.push(() => {
      awareness.destroy();
      doc.destroy();
    });
    raw.socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === 1) awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
    });
    return { raw, awareness };
  }

  /** Appends a paragraph as `writer` and waits until every observer has it (messages to each are in order). */
  async function barrier(writer: CollabClient, observers: CollabClient[], text: string): Promise<void> {
    appendParagraph(writer.doc, text);
    await waitFor(() => observers.every((observer) => sectionText(observer.doc).includes(text)), { what: `"${text}" relayed` });
  }

  /** Checks that the store holds exactly `text` for a section room and none of `markers`; remembers it. */
  async function expectStoredSection(roomName: string, text: string, markers: string[]): Promise<void> {
    const doc = await storedDoc(server.store, roomName);
    expect(sectionText(doc)).toBe(text);
    doc.destroy();
    for (const marker of markers) expect(await storeBytesContain(server.store, roomName, marker)).toBe(false);
    expectedSections.set(roomName, text);
  }

  /** A client opened after the refusal never gets the refused text: it has exactly `text`. */
  async function expectFreshReaderSees(roomName: string, text: string, markers: string[]): Promise<void> {
    const fresh = await connected(roomName, 'chair');
    expect(sectionText(fresh.doc)).toBe(text);
    for (const marker of markers) expect(sectionText(fresh.doc)).not.toContain(marker);
    destroy(fresh);
  }

  beforeEach(async () => {
    refused.length = 0;
    expectedSections.clear();
    server = await startServer();
    ws = await seedWorkspace(server);
    cookies.admin = server.adminCookie;
    for (const who of ['office', 'noivu', 'vhtt', 'chair'] as const) cookies[who] = await login(server.url, ws[who].username, ws[who].password);
    const congan = await createDepartment(server.url, server.adminCookie, 'Công an');
    await createUser(server.url, server.adminCookie, {
      username: 'congan',
      password: 'cong-an-mat-khau',
      displayName: 'Phạm Văn Hùng',
      role: 'editor',
      departmentId: congan.id,
    });
    cookies.congan = await login(server.url, 'congan', 'cong-an-mat-khau');
    report = await createReport(server.url, { title: 'Sơ kết công tác thi đua' }, cookies.office);
    await assignSection(server.url, cookies.office, report.id, 'tham-muu', ws.departments.noivu.id);
    await assignSection(server.url, cookies.office, report.id, 'ket-qua', ws.departments.vhtt.id);
  });
  afterEach(async () => {
    for (const client of [...clients]) destroy(client);
    for (const raw of rawSockets.splice(0)) raw.socket.terminate();
    for (const cleanup of cleanups.splice(0)) cleanup();
    await server?.close();
  });

  describe('the upgrade', () => {
    const parts = () => [room('frame'), room('review'), room('section/tham-muu'), room('section/ket-qua'), room('section/danh-gia')];

    it('answers no cookie, a forged one and a stored session id used as a token with 401', async () => {
      for (const name of parts()) {
        expect(await upgradeStatus(server.collabUrl, name)).toBe(401);
        expect(await upgradeStatus(server.collabUrl, name, 'ds_session=gia-mao-hoan-toan-ngau-nhien-0123456789abcdef')).toBe(401);
        expect(await upgradeStatus(server.collabUrl, name, `ds_session=${sessionIdOf(cookies.noivu)}`)).toBe(401);
      }
      // 401 comes first: a stranger learns nothing about which reports exist.
      expect(await upgradeStatus(server.collabUrl, 'khongcobaocao/frame')).toBe(401);
    });

    it('answers an expired session, a logged-out one and a disabled account with 401', async () => {
      const expired = await login(server.url, ws.noivu.username, ws.noivu.password);
      await server.store.touchSession(sessionIdOf(expired), '2000-01-01T00:00:00.000Z');
      const loggedOut = await login(server.url, ws.noivu.username, ws.noivu.password);
      expect((await call(server.url, loggedOut, 'DELETE', '/api/session')).status).toBe(204);
      const user = await createUser(server.url, server.adminCookie, {
        username: 'sebikhoa',
        password: 'se-bi-khoa-mat-khau',
        displayName: 'Sẽ Bị Khóa',
        role: 'editor',
        departmentId: ws.departments.noivu.id,
      });
      const disabled = await login(server.url, user.username, 'se-bi-khoa-mat-khau');
      expect(await upgradeStatus(server.collabUrl, room('section/tham-muu'), disabled)).toBe(101);
      expect((await call(server.url, server.adminCookie, 'PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(200);
      for (const cookie of [expired, loggedOut, disabled]) {
        for (const name of parts()) expect(await upgradeStatus(server.collabUrl, name, cookie)).toBe(401);
      }
    });

    it('answers a department that owns no section of the report with 403, for every part', async () => {
      for (const name of [...parts(), room('section/kien-nghi')]) {
        expect(await upgradeStatus(server.collabUrl, name, cookies.congan)).toBe(403);
      }
      await expectError(await call(server.url, cookies.congan, 'GET', `/api/reports/${report.id}`), 403, 'forbidden');
    });

    it('answers an unknown report or part with 404 for a signed-in person', async () => {
      for (const who of ['office', 'noivu', 'chair', 'congan'] as const) {
        expect(await upgradeStatus(server.collabUrl, 'khongcobaocao/frame', cookies[who])).toBe(404);
        expect(await upgradeStatus(server.collabUrl, 'khongcobaocao/section/tham-muu', cookies[who])).toBe(404);
      }
      for (const who of ['office', 'noivu', 'chair'] as const) {
        expect(await upgradeStatus(server.collabUrl, room('section/khongco'), cookies[who])).toBe(404);
        expect(await upgradeStatus(server.collabUrl, room('khac'), cookies[who])).toBe(404);
        expect(await upgradeStatus(server.collabUrl, room('section/tham-muu/them'), cookies[who])).toBe(404);
      }
    });

    it('admits everyone who may see the report to every part of it (to read at least)', async () => {
      for (const who of ['admin', 'office', 'noivu', 'vhtt', 'chair'] as const) {
        for (const name of [...parts(), room('section/kien-nghi')]) expect(await upgradeStatus(server.collabUrl, name, cookies[who])).toBe(101);
      }
    });
  });

  describe('writes', () => {
    it('accepts a department writing its own section: stored, and seen by everyone in the room', async () => {
      const name = room('section/tham-muu');
      const writer = await connected(name, 'noivu');
      const office = await connected(name, 'office');
      const chair = await connected(name, 'chair');
      const otherDepartment = await connected(name, 'vhtt');
      const text = appendParagraph(writer.doc, 'Phòng Nội vụ đã tham mưu Kế hoạch số 15/KH-UBND.');
      await waitFor(() => [office, chair, otherDepartment].every((client) => sectionText(client.doc).includes('Kế hoạch số 15/KH-UBND')));
      // A deletion by the owner is a write too; the office may write every section.
      text.delete(text.length - 1, 1);
      await barrier(office, [writer, chair, otherDepartment], 'Văn phòng bổ sung một câu.');
      expect(sectionText(writer.doc)).toContain('Kế hoạch số 15/KH-UBND\nVăn phòng bổ sung một câu.');
      // The readers (chair, another department) took part in sync and are still connected.
      await expectStillConnected(chair);
      await expectStillConnected(otherDepartment);
      await expectStoredSection(name, sectionText(writer.doc), []);
    });

    it("closes an editor writing another department's section with 4403; the update is not applied, stored or relayed", async () => {
      const name = room('section/ket-qua');
      const owner = await connected(name, 'vhtt');
      const office = await connected(name, 'office');
      await barrier(owner, [office], 'Phòng Văn hóa - Thông tin: kết quả khen thưởng.');
      const before = sectionText(owner.doc);

      const intruder = await connected(name, 'noivu');
      await expectRefusedWrite(intruder, name, 'TUCHOI-noivu-chen-vao-ket-qua', (doc) =>
        appendParagraph(doc, 'TUCHOI-noivu-chen-vao-ket-qua'),
      );
      // Overwriting (deleting another department's text) is refused the same way.
      const eraser = await connected(name, 'noivu');
      const closed = nextCloseCode(eraser);
      body(eraser.doc).delete(0, body(eraser.doc).length);
      expect(await closed).toBe(4403);
      destroy(eraser);
      // Messages to each client are in order: once they have a later write, they would have had the refused one.
      await barrier(owner, [office], 'Sau lần chèn trái phép.');
      for (const client of [owner, office]) {
        expect(sectionText(client.doc)).not.toContain('TUCHOI');
        expect(sectionText(client.doc)).toBe(`${before}\nSau lần chèn trái phép.`);
      }
      await expectFreshReaderSees(name, sectionText(owner.doc), ['TUCHOI-noivu-chen-vao-ket-qua']);
      await expectStoredSection(name, sectionText(owner.doc), ['TUCHOI-noivu-chen-vao-ket-qua']);
    });

    it('closes the chair writing any section with 4403, storing nothing', async () => {
      for (const sectionId of ['tham-muu', 'ket-qua', 'danh-gia']) {
        const name = room(`section/${sectionId}`);
        const office = await connected(name, 'office');
        const before = sectionText(office.doc);
        const chair = await connected(name, 'chair');
        const marker = `TUCHOI-chair-go-vao-${sectionId}`;
        await expectRefusedWrite(chair, name, marker, (doc) => appendParagraph(doc, marker));
        await barrier(office, [], `Văn phòng sau chủ tịch (${sectionId}).`);
        const reader = await connected(name, 'noivu');
        await waitFor(() => sectionText(reader.doc).includes(`Văn phòng sau chủ tịch (${sectionId}).`));
        expect(sectionText(reader.doc)).toBe(`${before}\nVăn phòng sau chủ tịch (${sectionId}).`);
        await expectStoredSection(name, sectionText(office.doc), [marker]);
        destroy(office);
        destroy(reader);
      }
    });

    it('closes the chair and editors writing the frame with 4403; the office writes it', async () => {
      const name = room('frame');
      const office = await connected(name, 'office');
      const subject = office.doc.getMap('frame').get('subject');
      expect(subject).toBe('Sơ kết công tác thi đua');
      for (const who of ['chair', 'noivu', 'vhtt'] as const) {
        const client = await connected(name, who);
        const marker = `TUCHOI-${who}-sua-trich-yeu`;
        await expectRefusedWrite(client, name, marker, (doc) => doc.getMap('frame').set('subject', marker));
      }
      const recipients = office.doc.getMap('frame').get('recipients');
      // The office's own change is accepted and reaches a reader; the refused ones never do.
      const reader = await connected(name, 'noivu');
      office.doc.getMap('frame').set('signerName', 'Trương Thị Diệp');
      await waitFor(() => reader.doc.getMap('frame').get('signerName') === 'Trương Thị Diệp');
      expect(reader.doc.getMap('frame').get('subject')).toBe(subject);
      expect(JSON.stringify(reader.doc.getMap('frame').toJSON())).not.toContain('TUCHOI');
      await expectStillConnected(reader);

      const stored = await storedDoc(server.store, name);
      expect(stored.getMap('frame').toJSON()).toEqual(office.doc.getMap('frame').toJSON());
      expect(stored.getMap('frame').get('subject')).toBe(subject);
      expect(stored.getMap('frame').get('signerName')).toBe('Trương Thị Diệp');
      expect(JSON.stringify(stored.getMap('frame').get('recipients'))).toBe(JSON.stringify(recipients));
      stored.destroy();
      for (const who of ['chair', 'noivu', 'vhtt']) expect(await storeBytesContain(server.store, name, `TUCHOI-${who}-sua-trich-yeu`)).toBe(false);
    });

    it('closes anyone writing the review room with 4403 — the admin and the office too', async () => {
      const name = room('review');
      const reader = await connected(name, 'noivu');
      const ownersBefore = reader.doc.getMap('owners').toJSON();
      expect(ownersBefore).toMatchObject({ 'tham-muu': ws.departments.noivu.id, 'ket-qua': ws.departments.vhtt.id });
      for (const who of ['admin', 'office', 'chair', 'noivu', 'vhtt'] as const) {
        const client = await connected(name, who);
        const marker = `TUCHOI-${who}-ghi-review`;
        await expectRefusedWrite(client, name, marker, (doc) => {
          doc.getMap('review').set('status', 'issued');
          // Claiming another department's section through the mirror of owners.
          doc.getMap('owners').set('ket-qua', marker);
        });
      }
      // A server change made after the refusals reaches the reader: it would have had the refused ones first.
      await assignSection(server.url, cookies.office, report.id, 'kien-nghi', ws.departments.noivu.id);
      await waitFor(() => reader.doc.getMap('owners').get('kien-nghi') === ws.departments.noivu.id);
      expect(reader.doc.getMap('review').get('status')).toBe('draft');
      expect(reader.doc.getMap('owners').get('ket-qua')).toBe(ws.departments.vhtt.id);
      await expectStillConnected(reader);

      const fresh = await connected(name, 'chair');
      expect(fresh.doc.getMap('review').get('status')).toBe('draft');
      expect(fresh.doc.getMap('owners').toJSON()).toEqual({ ...ownersBefore, 'kien-nghi': ws.departments.noivu.id });
      const stored = await storedDoc(server.store, name);
      expect(stored.getMap('review').toJSON()).toEqual({ status: 'draft' });
      expect(stored.getMap('owners').toJSON()).toEqual(fresh.doc.getMap('owners').toJSON());
      stored.destroy();
      for (const who of ['admin', 'office', 'chair', 'noivu', 'vhtt']) {
        expect(await storeBytesContain(server.store, name, `TUCHOI-${who}-ghi-review`)).toBe(false);
      }
      // Give kien-nghi back to nobody, as the other tests expect.
      await assignSection(server.url, cookies.office, report.id, 'kien-nghi', null);
    });

    it('keeps readers that only sync connected in every room, even after deletions (a non-empty delete set)', async () => {
      const parts = ['frame', 'review', 'section/tham-muu', 'section/ket-qua', 'section/danh-gia', 'section/kien-nghi'];
      const observers = new Map<string, CollabClient>();
      for (const part of parts) observers.set(part, await connected(room(part), 'office'));
      const readers: Array<[string, CollabClient]> = [];
      for (const part of parts) {
        readers.push([part, await connected(room(part), 'chair')]);
        if (part !== 'section/tham-muu') readers.push([part, await connected(room(part), 'noivu')]);
        if (part !== 'section/ket-qua') readers.push([part, await connected(room(part), 'vhtt')]);
      }
      for (const [, reader] of readers) await expectStillConnected(reader);
      // They read live: an office write reaches them, and they stay connected.
      await barrier(
        observers.get('section/danh-gia')!,
        readers.filter(([part]) => part === 'section/danh-gia').map(([, reader]) => reader),
        'Đánh giá chung do Văn phòng viết.',
      );
      for (const [, reader] of readers) await expectStillConnected(reader);
      const danhGia = room('section/danh-gia');
      await expectStoredSection(danhGia, sectionText(observers.get('section/danh-gia')!.doc), []);
    });
  });

  describe('a change of owner', () => {
    it('takes effect at once: the old owner is refused (4403, nothing stored), the new one writes, the review room shows it', async () => {
      const second = await createReport(server.url, { title: 'Báo cáo đổi chủ' }, cookies.office);
      await assignSection(server.url, cookies.office, second.id, 'tham-muu', ws.departments.noivu.id);
      await assignSection(server.url, cookies.office, second.id, 'ket-qua', ws.departments.vhtt.id);
      await assignSection(server.url, cookies.office, second.id, 'danh-gia', ws.departments.vhtt.id);
      const ketQua = room('section/ket-qua', second);

      const oldOwner = await connected(ketQua, 'vhtt');
      const newOwner = await connected(ketQua, 'noivu');
      const office = await connected(ketQua, 'office');
      const review = await connected(room('review', second), 'chair');
      await barrier(oldOwner, [newOwner, office], 'VHTT viết trước khi đổi chủ.');

      // The old owner keeps other connections to the report: its other section, the frame, the review room.
      const vhttElsewhere = [
        await connected(room('section/danh-gia', second), 'vhtt'),
        await connected(room('frame', second), 'vhtt'),
        await connected(room('review', second), 'vhtt'),
        await connected(room('section/tham-muu', second), 'vhtt'),
      ];

      await assignSection(server.url, cookies.office, second.id, 'ket-qua', ws.departments.noivu.id);
      // Right after the PUT resolves: the old owner's write is refused, the new owner's accepted.
      const marker = 'TUCHOI-vhtt-ghi-sau-khi-mat-quyen';
      await expectRefusedWrite(oldOwner, ketQua, marker, (doc) => appendParagraph(doc, marker));
      await barrier(newOwner, [office], 'Nội vụ viết sau khi nhận phần này.');
      expect(sectionText(office.doc)).not.toContain(marker);
      expect(sectionText(office.doc)).toBe(sectionText(newOwner.doc));
      await waitFor(() => review.doc.getMap('owners').get('ket-qua') === ws.departments.noivu.id, { what: 'new owner in the review room' });
      expect(review.doc.getMap('owners').get('danh-gia')).toBe(ws.departments.vhtt.id);
      await expectFreshReaderSees(ketQua, sectionText(newOwner.doc), [marker]);
      await expectStoredSection(ketQua, sectionText(newOwner.doc), [marker]);

      // vhtt still owns danh-gia: it still sees the report, and its other connections are open.
      expect((await call(server.url, cookies.vhtt, 'GET', `/api/reports/${second.id}`)).status).toBe(200);
      for (const client of vhttElsewhere) expect(client.provider.wsconnected).toBe(true);

      // Giving away its last section: vhtt loses the report, live connections and new upgrades alike.
      const closes = vhttElsewhere.map((client) => nextCloseCode(client));
      await assignSection(server.url, cookies.office, second.id, 'danh-gia', null);
      expect(await Promise.all(closes)).toEqual([4403, 4403, 4403, 4403]);
      for (const part of ['frame', 'review', 'section/tham-muu', 'section/ket-qua', 'section/danh-gia']) {
        expect(await upgradeStatus(server.collabUrl, room(part, second), cookies.vhtt)).toBe(403);
      }
      await expectError(await call(server.url, cookies.vhtt, 'GET', `/api/reports/${second.id}`), 403, 'forbidden');
      const list = (await (await call(server.url, cookies.vhtt, 'GET', '/api/reports')).json()) as Array<{ id: string }>;
      expect(list.map((summary) => summary.id)).not.toContain(second.id);
      // Everyone else's connections are untouched.
      await expectStillConnected(newOwner);
      await waitFor(() => review.doc.getMap('owners').get('danh-gia') === '');
      expect(review.provider.wsconnected).toBe(true);
    });

    it('gives a department write access live when it gets a section, without reconnecting', async () => {
      const name = room('section/danh-gia');
      const noivu = await connected(name, 'noivu');
      const office = await connected(name, 'office');
      const marker = 'TUCHOI-noivu-danh-gia-truoc-khi-duoc-giao';
      await expectRefusedWrite(noivu, name, marker, (doc) => appendParagraph(doc, marker));
      const again = await connected(name, 'noivu');
      await assignSection(server.url, cookies.office, report.id, 'danh-gia', ws.departments.noivu.id);
      await barrier(again, [office], 'Nội vụ viết đánh giá chung.');
      expect(sectionText(office.doc)).not.toContain(marker);
      await expectStoredSection(name, sectionText(again.doc), [marker]);
      await assignSection(server.url, cookies.office, report.id, 'danh-gia', null);
    });
  });

  describe('an account changed while connected', () => {
    /**
     * A report of its own (so that these checks do not touch what the other tests expect stored) whose
     * `tham-muu` belongs to Phòng Nội vụ, a new Nội vụ editor connected to it, and the office watching.
     */
    async function editorConnected(username: string) {
      const own = await createReport(server.url, { title: `Báo cáo của ${username}` }, cookies.office);
      await assignSection(server.url, cookies.office, own.id, 'tham-muu', ws.departments.noivu.id);
      const password = `${username}-mat-khau`;
      const user = await createUser(server.url, server.adminCookie, {
        username,
        password,
        displayName: `Biên tập ${username}`,
        role: 'editor',
        departmentId: ws.departments.noivu.id,
      });
      const name = room('section/tham-muu', own);
      const editor = connectClient(server.collabUrl, name, await login(server.url, username, password));
      editor.provider.awareness.setLocalState(null);
      clients.add(editor);
      await editor.synced();
      const office = await connected(name, 'office');
      await barrier(editor, [office], 'Viết khi còn quyền.');
      return { user, name, editor, office };
    }

    /** After `change` resolves, a write by `editor` must be refused: closed (4403), not relayed, not stored. */
    async function expectRefusedAfter(setup: Awaited<ReturnType<typeof editorConnected>>, marker: string, change: () => Promise<Response>) {
      const { name, editor, office } = setup;
      let closedWith: number | null = null;
      void nextCloseCode(editor).then((code) => (closedWith = code));
      expect((await change()).status).toBe(200);
      appendParagraph(editor.doc, marker);
      await waitFor(() => closedWith !== null || sectionText(office.doc).includes(marker), { what: 'the write refused or relayed' });
      // Once the office's later write reaches a fresh reader, the marker would have too. (The office's
      // text must not contain the marker itself.)
      const later = `Văn phòng viết sau (${marker.length} ký tự bị từ chối).`;
      await barrier(office, [], later);
      const fresh = await connected(name, 'chair');
      await waitFor(() => sectionText(fresh.doc).includes(later));
      expect(sectionText(office.doc)).not.toContain(marker);
      expect(sectionText(fresh.doc)).not.toContain(marker);
      expect(await storeBytesContain(server.store, name, marker)).toBe(false);
      // Closed with the code that says why: 4401 the session ended, 4100 the rights changed (reconnect).
      expect([4401, 4100]).toContain(closedWith);
    }

    it('closes the live connections of an account the admin disables: its next write is not applied, stored or relayed', async () => {
      const setup = await editorConnected('bikhoakhidangmo');
      await expectRefusedAfter(setup, 'TUCHOI-tai-khoan-da-bi-khoa', () =>
        call(server.url, server.adminCookie, 'PATCH', `/api/users/${setup.user.id}`, { disabled: true }),
      );
    });

    it("stops an editor moved to another department from writing its old department's section", async () => {
      const setup = await editorConnected('chuyenphong');
      await expectRefusedAfter(setup, 'TUCHOI-da-chuyen-sang-phong-khac', () =>
        call(server.url, server.adminCookie, 'PATCH', `/api/users/${setup.user.id}`, { departmentId: ws.departments.vhtt.id }),
      );
    });
  });

  describe('awareness', () => {
    const stateOf = (awareness: awarenessProtocol.Awareness, client: CollabClient) =>
      awareness.getStates().get(client.doc.clientID) as AwarenessState | undefined;

    /** An awareness message (y-websocket type 1) announcing one state for `client` at `clock`. */
    function awarenessMessage(client: number, clock: number, state: unknown): Uint8Array {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, client);
      encoding.writeVarUint(update, clock);
      encoding.writeVarString(update, JSON.stringify(state));
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, 1);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      return encoding.toUint8Array(message);
    }

    it("replaces a made-up name with the account's display name and department for everyone else", async () => {
      const name = room('section/tham-muu');
      const others = [observeAwareness(name, 'vhtt'), observeAwareness(name, 'chair')];
      await Promise.all(others.map(({ raw }) => raw.opened));
      const liar = connect(name, 'noivu', true);
      liar.provider.awareness.setLocalStateField('user', {
        name: 'Kẻ Mạo Danh',
        departmentName: 'Phòng Giả Mạo',
        role: 'admin',
        color: '#c0392b',
      });
      await liar.synced();
      for (const { awareness } of others) {
        await waitFor(() => stateOf(awareness, liar)?.user?.color === '#c0392b', { what: "the liar's awareness" });
        expect(stateOf(awareness, liar)?.user).toEqual({
          name: 'Lê Văn Nam',
          departmentName: 'Phòng Nội vụ',
          role: 'editor',
          color: '#c0392b',
        });
        const seen = JSON.stringify([...awareness.getStates().values()]);
        expect(seen).not.toContain('Mạo Danh');
        expect(seen).not.toContain('Phòng Giả Mạo');
      }
      // Renaming itself later changes nothing either.
      liar.provider.awareness.setLocalStateField('user', { name: 'Chủ tịch', color: '#0000ff' });
      for (const { awareness } of others) {
        await waitFor(() => stateOf(awareness, liar)?.user?.color === '#0000ff');
        expect(stateOf(awareness, liar)?.user?.name).toBe('Lê Văn Nam');
      }
      await expectStillConnected(liar);
    });

    it('keeps two people with presence connected in one room, each seeing the other under the server-known name', async () => {
      // The y-websocket provider (the client app's too) sends back every awareness change it receives,
      // other people's states included, with the clock the server gave them: such an echo is not an attempt
      // to speak for someone else and must not close the connection.
      const name = room('section/tham-muu');
      const noivu = connect(name, 'noivu', true);
      noivu.provider.awareness.setLocalStateField('user', { name: 'Tự đặt 1', color: '#112233' });
      await noivu.synced();
      const vhtt = connect(name, 'vhtt', true);
      vhtt.provider.awareness.setLocalStateField('user', { name: 'Tự đặt 2', color: '#445566' });
      const closes: Array<[string, number | undefined]> = [];
      for (const [who, client] of [['noivu', noivu], ['vhtt', vhtt]] as const) {
        client.provider.on('connection-close', (event) => closes.push([who, event?.code]));
      }
      const names = (observer: CollabClient, other: CollabClient) => stateOf(observer.provider.awareness, other)?.user;
      await waitFor(
        () => closes.length > 0 || (names(vhtt, noivu)?.name === 'Lê Văn Nam' && names(noivu, vhtt)?.name === 'Trần Thị Thủy'),
        { what: 'each to see the other' },
      );
      expect(closes, 'connections closed by the server').toEqual([]);
      expect(names(vhtt, noivu)).toEqual({ name: 'Lê Văn Nam', departmentName: 'Phòng Nội vụ', role: 'editor', color: '#112233' });
      expect(names(noivu, vhtt)).toEqual({
        name: 'Trần Thị Thủy',
        departmentName: 'Phòng Văn hóa - Thông tin',
        role: 'editor',
        color: '#445566',
      });
      await expectStillConnected(noivu);
      await expectStillConnected(vhtt);
      expect(closes).toEqual([]);
    });

    it("closes a connection that speaks for an awareness id another person's connection uses with 4400", async () => {
      const name = room('section/tham-muu');
      const { raw: observerSocket, awareness: seen } = observeAwareness(name, 'office');
      await observerSocket.opened;
      const victim = connect(name, 'noivu', true);
      victim.provider.awareness.setLocalStateField('user', { name: 'Nạn nhân', color: '#228822' });
      await victim.synced();
      await waitFor(() => stateOf(seen, victim)?.user?.name === 'Lê Văn Nam', { what: "the victim's awareness" });
      const clock = seen.meta.get(victim.doc.clientID)!.clock;

      const impostor = openRawSocket(server.collabUrl, name, cookies.vhtt);
      rawSockets.push(impostor);
      await impostor.opened;
      impostor.socket.send(awarenessMessage(victim.doc.clientID, clock + 100, { user: { name: 'Kẻ Chiếm Chỗ' }, probe: 'TUCHOI' }));
      expect(await impostor.closed).toBe(4400);
      // Removing someone else's presence (a null state) is refused the same way.
      const remover = openRawSocket(server.collabUrl, name, cookies.chair);
      rawSockets.push(remover);
      await remover.opened;
      remover.socket.send(awarenessMessage(victim.doc.clientID, clock + 100, null));
      expect(await remover.closed).toBe(4400);

      // The victim is still connected and present as itself; nobody saw the impostor's state.
      await expectStillConnected(victim);
      victim.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
      await waitFor(() => (stateOf(seen, victim) as { cursor?: unknown } | undefined)?.cursor !== undefined, { what: 'the victim still present' });
      expect(stateOf(seen, victim)?.user?.name).toBe('Lê Văn Nam');
      expect(stateOf(seen, victim)?.probe).toBeUndefined();
      expect(JSON.stringify([...seen.getStates().values()])).not.toContain('Chiếm Chỗ');

      // The same person's second connection (a reconnecting tab) may speak for the id: not refused.
      const samePerson = openRawSocket(server.collabUrl, name, cookies.noivu);
      rawSockets.push(samePerson);
      await samePerson.opened;
      const next = seen.meta.get(victim.doc.clientID)!.clock + 1;
      samePerson.socket.send(awarenessMessage(victim.doc.clientID, next, { user: { name: 'Tab mới' }, probe: 'tab-moi' }));
      await waitFor(() => stateOf(seen, victim)?.probe === 'tab-moi', { what: 'the reconnected tab' });
      expect(stateOf(seen, victim)?.user?.name).toBe('Lê Văn Nam');
      expect(samePerson.socket.readyState).toBe(WebSocket.OPEN);
    });
  });

  it('stores exactly what the allowed clients wrote after a mix of allowed and refused writes, and none of the refused text', async () => {
    const own = room('section/tham-muu');
    const other = room('section/ket-qua');
    const owner = await connected(own, 'noivu');
    const office = await connected(own, 'office');
    await barrier(owner, [office], 'Nội vụ viết phần của mình.');
    await expectRefusedWrite(await connected(own, 'vhtt'), own, 'TUCHOI-vhtt-vao-tham-muu', (doc) => appendParagraph(doc, 'TUCHOI-vhtt-vao-tham-muu'));
    await expectRefusedWrite(await connected(own, 'chair'), own, 'TUCHOI-chair-vao-tham-muu', (doc) => appendParagraph(doc, 'TUCHOI-chair-vao-tham-muu'));
    await barrier(office, [owner], 'Văn phòng viết sau các lần bị từ chối.');
    const otherOwner = await connected(other, 'vhtt');
    await expectRefusedWrite(await connected(other, 'noivu'), other, 'TUCHOI-noivu-vao-ket-qua', (doc) => appendParagraph(doc, 'TUCHOI-noivu-vao-ket-qua'));
    await expectRefusedWrite(await connected(room('frame'), 'noivu'), room('frame'), 'TUCHOI-noivu-frame', (doc) => doc.getMap('frame').set('subject', 'TUCHOI-noivu-frame'));
    await expectRefusedWrite(await connected(room('review'), 'office'), room('review'), 'TUCHOI-office-review', (doc) => doc.getMap('review').set('status', 'TUCHOI-office-review'));
    await barrier(otherOwner, [], 'Văn hóa viết phần của mình.');
    await waitFor(async () => sectionText(await storedDoc(server.store, other)).includes('Văn hóa viết phần của mình.'), { what: 'stored' });
    expectedSections.set(own, sectionText(owner.doc));
    expectedSections.set(other, sectionText(otherOwner.doc));

    for (const { room: name, marker } of refused) {
      expect(await storeBytesContain(server.store, name, marker), `${marker} in ${name}`).toBe(false);
      const doc = await storedDoc(server.store, name);
      expect(JSON.stringify([doc.getXmlFragment('body').toJSON(), doc.getMap('frame').toJSON(), doc.getMap('review').toJSON(), doc.getMap('owners').toJSON()])).not.toContain(marker);
      doc.destroy();
    }
    for (const [name, text] of expectedSections) {
      const doc = await storedDoc(server.store, name);
      expect(sectionText(doc), name).toBe(text);
      doc.destroy();
    }
    // And a client opening each section now gets the same.
    for (const [name, text] of expectedSections) {
      const reader = await connected(name, 'office');
      expect(sectionText(reader.doc)).toBe(text);
      destroy(reader);
    }
  });
});
