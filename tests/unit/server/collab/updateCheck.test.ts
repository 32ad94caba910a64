import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../../../server/collab/updateCheck.js';

/** The update a change makes on a document. */
function updateOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | null = null;
  const collect = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
  doc.on('update', collect);
  change(doc);
  doc.off('update', collect);
  if (!update) throw new Error('no update');
  return update;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('checkUpdate', () => {
  const room = new Y.Doc();
  room.getText('t').insert(0, 'có sẵn');

  it('accepts an update whose every reference is in the room or in the update itself', () => {
    const client = copyOf(room);
    const update = updateOf(client, (doc) => {
      doc.getText('t').insert(6, ' một');
      doc.getText('t').insert(10, ' hai');
      doc.getText('t').delete(0, 2);
    });
    expect(checkUpdate(room, update)).toEqual({ kind: 'ok', fresh: true });
  });

  it('calls an update fresh only when it adds every struct it holds: not a resent one, not deletions alone', () => {
    const local = copyOf(room);
    const client = copyOf(room);
    const typed = updateOf(client, (doc) => doc.getText('t').insert(6, ' ba'));
    expect(checkUpdate(local, typed)).toEqual({ kind: 'ok', fresh: true });
    Y.applyUpdate(local, typed);
    // Sent again (a reconnecting client): applying it adds nothing new.
    expect(checkUpdate(local, typed)).toEqual({ kind: 'ok', fresh: false });
    // Half of it known: it overlaps what the room has.
    const more = updateOf(client, (doc) => doc.getText('t').insert(9, ' bốn'));
    expect(checkUpdate(local, Y.mergeUpdates([typed, more]))).toEqual({ kind: 'ok', fresh: false });
    // Deletions alone may delete what is already deleted: judged by what applying them changes.
    const deletion = updateOf(client, (doc) => doc.getText('t').delete(0, 1));
    expect(checkUpdate(local, deletion)).toEqual({ kind: 'ok', fresh: false });
    expect(checkUpdate(local, Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ kind: 'ok', fresh: false });
  });

  it('calls an update malformed when any byte of it is missing, the delete set included', () => {
    const client = copyOf(room);
    const update = updateOf(client, (doc) => {
      doc.getText('t').insert(0, 'mới ');
      doc.getText('t').delete(5, 2);
    });
    for (let cut = 1; cut < update.byteLength; cut++) {
      expect(checkUpdate(room, update.slice(0, cut)).kind, `cut at ${cut}`).toBe('malformed');
    }
  });

  it('calls an update incomplete when it builds on content the room does not have', () => {
    const client = copyOf(room);
    updateOf(client, (doc) => doc.getText('t').insert(0, 'chưa gửi '));
    const later = updateOf(client, (doc) => doc.getText('t').insert(3, 'x'));
    expect(checkUpdate(room, later)).toEqual({ kind: 'incomplete' });
    const deletion = updateOf(client, (doc) => doc.getText('t').delete(0, 4));
    expect(checkUpdate(room, deletion)).toEqual({ kind: 'incomplete' });
  });

  it('calls an update with a gap in one client’s clocks incomplete', () => {
    const client = copyOf(room);
    updateOf(client, (doc) => doc.getText('t').insert(0, 'một '));
    const second = updateOf(client, (doc) => doc.getText('u').insert(0, 'độc lập'));
    expect(checkUpdate(room, second)).toEqual({ kind: 'incomplete' });
  });
});
