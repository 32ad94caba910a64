import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { sectionSchema } from '../../common/editorSchema.js';
import { createReport } from '../helpers/api.js';
import { connectClient, type CollabClient } from '../helpers/collabClient.js';
import { body } from '../helpers/sectionText.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { storedDoc } from '../helpers/storedDoc.js';

/** The rows of the first tally in a section, as the editor's schema reads them. */
function rows(doc: Y.Doc): Array<Record<string, unknown>> {
  const json = sectionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(body(doc))).toJSON() as {
    content: Array<{ type: string; content?: Array<{ attrs: Record<string, unknown> }> }>;
  };
  return json.content.find((node) => node.type === 'awardTally')?.content?.map((row) => row.attrs) ?? [];
}

function tallyOf(doc: Y.Doc): Y.XmlElement {
  const tally = body(doc).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'awardTally');
  if (!(tally instanceof Y.XmlElement)) throw new Error('no tally');
  return tally;
}

function row(award: string, collectives: number, individuals: number): Y.XmlElement {
  const element = new Y.XmlElement('awardRow');
  element.setAttribute('award', award);
  element.setAttribute('collectives', collectives as unknown as string);
  element.setAttribute('individuals', individuals as unknown as string);
  return element;
}

describe('award tallies in a room', () => {
  let server: TestServer;
  let a: CollabClient;
  let b: CollabClient;

  beforeEach(async () => {
    server = await startServer();
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[1]!.room;
    a = connectClient(server.collabUrl, room, server.adminCookie);
    b = connectClient(server.collabUrl, room, server.adminCookie);
    await Promise.all([a.synced(), b.synced()]);
    const tally = new Y.XmlElement('awardTally');
    tally.insert(0, [row('bang-khen-thu-tuong', 0, 2), row('co-thi-dua-tinh', 3, 0)]);
    body(a.doc).push([tally]);
    await waitFor(() => rows(b.doc).length === 2, { what: 'the tally reaches b' });
  });

  afterEach(async () => {
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('keeps both changes when two people change different cells of one row at the same moment', async () => {
    // Neither has seen the other's change when making its own: the edits are concurrent.
    (tallyOf(a.doc).get(0) as Y.XmlElement).setAttribute('collectives', 5 as unknown as string);
    (tallyOf(b.doc).get(0) as Y.XmlElement).setAttribute('individuals', 7 as unknown as string);
    const expected = { award: 'bang-khen-thu-tuong', collectives: 5, individuals: 7 };
    await waitFor(() => JSON.stringify(rows(a.doc)[0]) === JSON.stringify(expected) && JSON.stringify(rows(b.doc)[0]) === JSON.stringify(expected), {
      what: 'both cells kept on both sides',
    });
  });

  it('keeps both changes when two people edit different rows and add rows at the same moment', async () => {
    (tallyOf(a.doc).get(1) as Y.XmlElement).setAttribute('collectives', 4 as unknown as string);
    tallyOf(a.doc).push([row('tap-the-lao-dong-xuat-sac', 4, 0)]);
    (tallyOf(b.doc).get(0) as Y.XmlElement).setAttribute('award', 'bang-khen-chu-tich-ubnd-tinh');
    tallyOf(b.doc).push([row('giay-khen-thu-truong', 1, 1)]);
    await waitFor(() => rows(a.doc).length === 4 && JSON.stringify(rows(a.doc)) === JSON.stringify(rows(b.doc)), {
      what: 'converged with four rows',
    });
    const merged = rows(a.doc);
    expect(merged[0]).toEqual({ award: 'bang-khen-chu-tich-ubnd-tinh', collectives: 0, individuals: 2 });
    expect(merged[1]).toEqual({ award: 'co-thi-dua-tinh', collectives: 4, individuals: 0 });
    expect(merged.slice(2).map((r) => r.award).sort()).toEqual(['giay-khen-thu-truong', 'tap-the-lao-dong-xuat-sac']);

    const restored = await storedDoc(server.store, tallyRoom());
    expect(rows(restored)).toEqual(merged);
    restored.destroy();
  });

  function tallyRoom(): string {
    return (a.provider as unknown as { roomname: string }).roomname;
  }
});
