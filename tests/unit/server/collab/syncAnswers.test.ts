import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomDoc } from '../../../../server/collab/roomDoc.js';
import { SyncAnswers } from '../../../../server/collab/syncAnswers.js';
import { mergeIntoSnapshot } from '../../../../server/collab/snapshot.js';
import { carriedUpdate } from '../../../helpers/wireMessages.js';

/** The update a sync step 2 message carries. */
function updateIn(message: Uint8Array): Uint8Array {
  const update = carriedUpdate(message, 'answer');
  expect(update).not.toBeNull();
  return update!;
}

const EMPTY = Y.encodeStateVector(new Y.Doc());

/** A room's document loaded from a snapshot made of several edits, as a compaction leaves it (not built yet). */
function loaded() {
  const writer = new Y.Doc();
  const edits: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => edits.push(update));
  for (const word of ['Báo ', 'cáo ', 'sơ ', 'kết']) writer.getText('t').insert(writer.getText('t').length, word);
  writer.getText('t').delete(0, 4);
  const snapshot = mergeIntoSnapshot(edits);
  const roomDoc = new RoomDoc({ snapshot, updates: [], lastSeq: edits.length });
  return { roomDoc, snapshot };
}

describe('SyncAnswers', () => {
  it('answers a brand-new editor of a room just loaded with the stored snapshot as it is, before building the document', () => {
    const { roomDoc, snapshot } = loaded();
    const answers = new SyncAnswers(roomDoc);
    const update = updateIn(answers.answer(EMPTY));
    expect(update).toEqual(snapshot);
    expect(roomDoc.built).toBe(false);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, update);
    expect(editor.getText('t').toString()).toBe('cáo sơ kết');
    // An editor that has something is answered with what it lacks, encoded from the document.
    const known = new Y.Doc();
    Y.applyUpdate(known, snapshot);
    expect(updateIn(answers.answer(Y.encodeStateVector(known)))).not.toEqual(snapshot);
    expect(roomDoc.built).toBe(true);
  });

  it('keeps the whole-state answer when the document takes the stored state in', () => {
    const { roomDoc } = loaded();
    const answers = new SyncAnswers(roomDoc);
    const first = answers.answer(EMPTY);
    expect(roomDoc.get().getText('t').toString()).toBe('cáo sơ kết');
    expect(answers.answer(EMPTY)).toBe(first);
  });

  it('answers from the document when the room was loaded from a snapshot and a log', () => {
    const writer = new Y.Doc();
    const edits: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => edits.push(update));
    writer.getText('t').insert(0, 'Báo cáo');
    writer.getText('t').insert(7, ' sơ kết');
    const roomDoc = new RoomDoc({ snapshot: edits[0]!, updates: [edits[1]!], lastSeq: 2 });
    expect(roomDoc.wholeState).toBeNull();
    const editor = new Y.Doc();
    Y.applyUpdate(editor, updateIn(new SyncAnswers(roomDoc).answer(EMPTY)));
    expect(editor.getText('t').toString()).toBe('Báo cáo sơ kết');
  });

  it('keeps its answers through a transaction that changes nothing, such as a newcomer’s empty sync step 2', () => {
    const { roomDoc } = loaded();
    const answers = new SyncAnswers(roomDoc);
    const first = answers.answer(EMPTY);
    const doc = roomDoc.get();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(new Y.Doc()));
    doc.transact(() => {});
    expect(answers.answer(EMPTY)).toBe(first);
  });

  it('encodes the document again once it has changed', () => {
    const { roomDoc } = loaded();
    const answers = new SyncAnswers(roomDoc);
    roomDoc.get().getText('t').insert(0, 'Mới: ');
    const editor = new Y.Doc();
    Y.applyUpdate(editor, updateIn(answers.answer(EMPTY)));
    expect(editor.getText('t').toString()).toBe('Mới: cáo sơ kết');
  });
});
