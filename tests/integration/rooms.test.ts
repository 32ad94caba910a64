import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { createReport } from '../helpers/api.js';
import { readFrame } from '../../common/frame.js';
import { PREAMBLE_FRAGMENT } from '../../common/rooms.js';
import { connectClient, upgradeStatus, type CollabClient } from '../helpers/collabClient.js';
import { appendParagraph, body, sectionText } from '../helpers/sectionText.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { storedDoc } from '../helpers/storedDoc.js';

describe('rooms', () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  const connect = (room: string) => {
    const client = connectClient(server.collabUrl, room, server.adminCookie);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('serves the starting content the server wrote, once, however many clients open the section', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[1]!.room;
    const first = connect(room);
    const second = connect(room);
    await Promise.all([first.synced(), second.synced()]);
    const json = yXmlFragmentToProsemirrorJSON(body(first.doc)) as { content: Array<{ type: string }> };
    const headings = json.content.filter((node) => node.type === 'heading');
    expect(headings).toHaveLength(3);
    expect(sectionText(first.doc)).toContain('Kết quả khen thưởng');
    expect(sectionText(second.doc)).toBe(sectionText(first.doc));
    expect(sectionText(first.doc).split('Kết quả khen thưởng')).toHaveLength(2);
  });

  it('starts a report’s frame from the workspace’s names and the template (the symbol from both)', async () => {
    const workspace = { agencyName: 'ỦY BAN NHÂN DÂN PHƯỜNG MỸ PHƯỚC', parentAgencyName: 'UBND TỈNH AN GIANG', placeName: 'Long Xuyên', agencySymbol: 'UBND' };
    const put = await fetch(`${server.url}/api/workspace`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: server.adminCookie },
      body: JSON.stringify(workspace),
    });
    expect(put.status).toBe(200);
    const report = await createReport(server.url, { title: 'Sơ kết công tác thi đua năm 2025' }, server.adminCookie);
    const frame = connect(`${report.id}/frame`);
    await frame.synced();
    expect(readFrame(frame.doc)).toEqual({
      parentAgency: 'UBND TỈNH AN GIANG',
      agency: 'ỦY BAN NHÂN DÂN PHƯỜNG MỸ PHƯỚC',
      number: '',
      symbol: 'BC-UBND',
      place: 'Long Xuyên',
      date: '',
      docType: 'BÁO CÁO',
      subject: 'Sơ kết công tác thi đua năm 2025',
      signAuthority: 'TM. ỦY BAN NHÂN DÂN',
      signTitle: 'CHỦ TỊCH',
      signerName: '',
      recipients: ['Lưu: VT'],
    });
    // The opening paragraphs before section I start empty: their guidance is a placeholder the editor
    // draws, never stored (issue 12, item 1).
    const preamble = yXmlFragmentToProsemirrorJSON(frame.doc.getXmlFragment(PREAMBLE_FRAGMENT)) as { content: Array<{ type: string }> };
    expect(preamble).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('relays what one client types to every other client of the room, and not to other rooms', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const [a, b] = [connect(report.sections[0]!.room), connect(report.sections[0]!.room)];
    const other = connect(report.sections[1]!.room);
    await Promise.all([a.synced(), b.synced(), other.synced()]);
    const before = sectionText(other.doc);
    appendParagraph(a.doc, 'Đã ban hành Kế hoạch số 12/KH-UBND.');
    await waitFor(() => sectionText(b.doc).includes('Kế hoạch số 12/KH-UBND'));
    expect(sectionText(other.doc)).toBe(before);
  });

  it('shares presence (awareness) among the clients of a room', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = `${report.id}/frame`;
    const [a, b] = [connect(room), connect(room)];
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalStateField('user', { name: 'Tên tự đặt', color: '#c0392b' });
    // Others see the name the server knows for the account, never one the client made up.
    await waitFor(() =>
      [...b.provider.awareness.getStates().values()].some((state) => {
        const user = (state as { user?: { name?: string; color?: string } }).user;
        return user?.name === 'Quản trị hệ thống' && user.color === '#c0392b';
      }),
    );
    expect(JSON.stringify([...b.provider.awareness.getStates().values()])).not.toContain('Tên tự đặt');
    a.destroy();
    await waitFor(() => b.provider.awareness.getStates().size === 1, { what: 'departed client removed' });
  });

  it('answers upgrades to unknown reports, sections and room names with 404', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    expect(await upgradeStatus(server.collabUrl, `${report.id}/frame`, server.adminCookie)).toBe(101);
    expect(await upgradeStatus(server.collabUrl, 'nosuchreport/frame', server.adminCookie)).toBe(404);
    expect(await upgradeStatus(server.collabUrl, `${report.id}/section/nosuch`, server.adminCookie)).toBe(404);
    expect(await upgradeStatus(server.collabUrl, `${report.id}/elsewhere`, server.adminCookie)).toBe(404);
    expect(await upgradeStatus(server.collabUrl, `${report.id}/section/..%2F..`, server.adminCookie)).toBe(404);
  });

  it('refuses an upgrade sent from another site’s page (403), but not one from the app’s own origin', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = `${report.id}/frame`;
    expect(await upgradeStatus(server.collabUrl, room, server.adminCookie, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(server.collabUrl, room, server.adminCookie, server.url)).toBe(101);
  });

  it('lets clients read the review room but closes one that writes to it with 4403, storing nothing', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = `${report.id}/review`;
    const reader = connect(room);
    await reader.synced();
    const status = reader.doc.getMap('review').get('status');
    expect(status).toBe('draft');

    const writer = connect(room);
    await writer.synced();
    const closed = new Promise<number>((resolve) =>
      writer.provider.ws!.addEventListener('close', (event) => resolve((event as CloseEvent).code)),
    );
    writer.doc.getMap('review').set('status', 'issued');
    expect(await closed).toBe(4403);
    writer.destroy();

    // The reader was not disconnected and never saw the write; a fresh reader sees the server's state.
    expect(reader.provider.wsconnected).toBe(true);
    expect(reader.doc.getMap('review').get('status')).toBe('draft');
    const fresh = connect(room);
    await fresh.synced();
    expect(fresh.doc.getMap('review').get('status')).toBe('draft');
  });

  it('keeps every client converged when ten clients edit one section at random, and stores what they see', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[2]!.room;
    const editors = Array.from({ length: 10 }, () => connect(room));
    await Promise.all(editors.map((editor) => editor.synced()));
    let seed = 20240205;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const texts = editors.map((editor, index) => appendParagraph(editor.doc, `Người soạn ${index}: `));
    for (let round = 0; round < 30; round++) {
      for (const [index, editor] of editors.entries()) {
        const paragraphs = body(editor.doc).toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
        const target = random() < 0.5 ? texts[index]! : (paragraphs[Math.floor(random() * paragraphs.length)]!.get(0) as Y.XmlText | undefined);
        if (!(target instanceof Y.XmlText)) continue;
        const at = Math.floor(random() * (target.length + 1));
        if (random() < 0.25 && target.length > 2) target.delete(Math.min(at, target.length - 1), 1);
        else target.insert(at, 'ăâđêôơư'.charAt(Math.floor(random() * 7)));
      }
      // Let the sockets interleave the rounds instead of sending everything at the end.
      if (round % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const converged = () => editors.every((editor) => sectionText(editor.doc) === sectionText(editors[0]!.doc));
    await waitFor(converged, { what: 'ten editors converging' });

    const expected = sectionText(editors[0]!.doc);
    for (const editor of editors.splice(0)) editor.destroy();
    const restored = await storedDoc(server.store, room);
    expect(sectionText(restored)).toBe(expected);
    restored.destroy();
  });
});
