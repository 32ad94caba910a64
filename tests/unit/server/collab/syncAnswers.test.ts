import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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

/** A room's document loaded from a snapshot made of several edits, as a compaction leaves it. */
function loaded() {
  const writer = new Y.Doc();
  const edits: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => edits.push(update));
  for (const word of ['Báo ', 'cáo ', 'sơ ', 'kết']) writer.getText('t').insert(writer.getText('t').length, word);
  writer.getText('t').delete(0, 4);
  const snapshot = mergeIntoSnapshot(edits);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  return { doc, snapshot };
}

describe('SyncAnswers', () => {
  it('answers a brand-new editor of a room just loaded with the stored snapshot as it is, which gives it the whole text', () => {
    const { doc, snapshot } = loaded();
    const answers = new SyncAnswers(doc, snapshot);
    const update = updateIn(answers.answer(EMPTY));
    expect(update).toEqual(snapshot);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, update);
    expect(editor.getText('t').toString()).toBe('cáo sơ kết');
    // An editor that has something is answered with what it lacks, encoded from the document.
    const known = new Y.Doc();
    Y.applyUpdate(known, snapshot);
    expect(updateIn(answers.answer(Y.encodeStateVector(known)))).not.toEqual(snapshot);
  });

  it('keeps its answers through a transaction that changes nothing, such as a newcomer’s empty sync step 2', () => {
    const { doc, snapshot } = loaded();
    const answers = new SyncAnswers(doc, snapshot);
    const first = answers.answer(EMPTY);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(new Y.Doc()));
    doc.transact(() => {});
    expect(answers.answer(EMPTY)).toBe(first);
  });

  it('encodes the document again once it has changed', () => {
    const { doc, snapshot } = loaded();
    const answers = new SyncAnswers(doc, snapshot);
    doc.getText('t').insert(0, 'Mới: ');
    const editor = new Y.Doc();
    Y.applyUpdate(editor, updateIn(answers.answer(EMPTY)));
    expect(editor.getText('t').toString()).toBe('Mới: cáo sơ kết');
  });
});
