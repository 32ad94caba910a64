/** Where a browser copy holds changes the server lacks (client/src/collab/unsentParts.ts). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unsentParts } from '../../../client/src/collab/unsentParts.js';

/** A server document with a map (a field, a nested array), a fragment and a text, and a browser copy of it. */
function serverAndCopy(): { server: Y.Doc; local: Y.Doc } {
  const server = new Y.Doc();
  const frame = server.getMap<unknown>('frame');
  frame.set('subject', 'Sơ kết');
  frame.set('recipients', Y.Array.from(['Sở Nội vụ', 'Lưu: VT']));
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Căn cứ Kế hoạch số 12.')]);
  server.getXmlFragment('preamble').insert(0, [paragraph]);
  server.getText('notes').insert(0, 'ghi chú');
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
  return { server, local };
}

function parts(local: Y.Doc, server: Y.Doc): string[] {
  return [...unsentParts(local, server)].sort();
}

describe('unsentParts', () => {
  it('finds none in a copy of what the server has, or when only the server moved on', () => {
    const { server, local } = serverAndCopy();
    expect(parts(local, server)).toEqual([]);
    server.getMap('frame').set('subject', 'Sơ kết năm');
    server.getText('notes').insert(0, 'thêm ');
    expect(parts(local, server)).toEqual([]);
  });

  it('names the key of a root map whose value the copy set', () => {
    const { server, local } = serverAndCopy();
    local.getMap('frame').set('subject', 'Sơ kết 6 tháng');
    local.getMap('frame').set('place', 'Lấp Vò');
    expect(parts(local, server)).toEqual(['frame/place', 'frame/subject']);
  });

  it('names the map key holding a nested type the copy changed, by insertion or deletion', () => {
    const inserted = serverAndCopy();
    (inserted.local.getMap('frame').get('recipients') as Y.Array<string>).insert(1, ['UBND các xã']);
    expect(parts(inserted.local, inserted.server)).toEqual(['frame/recipients']);
    const deleted = serverAndCopy();
    (deleted.local.getMap('frame').get('recipients') as Y.Array<string>).delete(0, 1);
    expect(parts(deleted.local, deleted.server)).toEqual(['frame/recipients']);
  });

  it('names a root type changed deep inside, by insertion or deletion', () => {
    const typed = serverAndCopy();
    ((typed.local.getXmlFragment('preamble').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Thực hiện và ');
    expect(parts(typed.local, typed.server)).toEqual(['preamble']);
    const erased = serverAndCopy();
    erased.local.getText('notes').delete(0, 3);
    expect(parts(erased.local, erased.server)).toEqual(['notes']);
  });

  it('finds none once the server has applied the copy’s changes, deletions included', () => {
    const { server, local } = serverAndCopy();
    local.getText('notes').delete(0, 3);
    local.getMap('frame').set('subject', 'Sơ kết năm');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)));
    expect(parts(local, server)).toEqual([]);
  });
});
