import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomDoc } from '../../../../server/collab/roomDoc.js';
import { SyncAnswers } from '../../../../server/collab/syncAnswers.js';
import { mergeIntoSnapshot } from '../../../../server/collab/snapshot.js';
import { carriedUpdate } from '../../../helpers/wireMessages.js';

/** The update an answer of one message (sync step 2) carries. */
function updateIn(answer: readonly Uint8Array[]): Uint8Array {
  expect(answer).toHaveLength(1);
  const update = carriedUpdate(answer[0]!, 'answer');
  expect(update).not.toBeNull();
  return update!;
}

/** A fresh editor's document after it took in `answer`, message by message. */
function editorAfter(answer: readonly Uint8Array[]): Y.Doc {
  const editor = new Y.Doc();
  answer.forEach((message, index) => {
    const update = carriedUpdate(message, index === 0 ? 'answer' : 'update');
    expect(update).not.toBeNull();
    Y.applyUpdate(editor, update!);
  });
  return editor;
}

const EMPTY = Y.encodeStateVector(new Y.Doc());

/** The updates a writer made by `write` on its text `t`, one per change. */
function editsOf(write: (text: Y.Text) => void): Uint8Array[] {
  const writer = new Y.Doc();
  const edits: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => edits.push(update));
  write(writer.getText('t'));
  return edits;
}

/** A room's document loaded from a snapshot made of several edits, as a compaction leaves it (not built yet). */
function loaded() {
  const edits = editsOf((text) => {
    for (const word of ['Báo ', 'cáo ', 'sơ ', 'kết']) text.insert(text.length, word);
    text.delete(0, 4);
  });
  const snapshot = mergeIntoSnapshot(edits);
  const roomDoc = new RoomDoc({ snapshot, updates: [], lastSeq: edits.length });
  return { roomDoc, snapshot };
}

describe('SyncAnswers', () => {
  it('answers a brand-new editor of a room just loaded with the stored snapshot as it is, before building the document', () => {
    const { roomDoc, snapshot } = loaded();
    const answers = new SyncAnswers(roomDoc);
    const answer = answers.answer(EMPTY);
    expect(updateIn(answer)).toEqual(snapshot);
    expect(roomDoc.built).toBe(false);
    expect(editorAfter(answer).getText('t').toString()).toBe('cáo sơ kết');
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

  it('answers a brand-new editor of a room loaded from a snapshot and a log with the snapshot, then the log as one update, before building the document', () => {
    const edits = editsOf((text) => {
      text.insert(0, 'Báo cáo');
      text.insert(7, ' sơ kết');
      text.insert(14, ' năm 2024');
      text.delete(0, 4);
    });
    const roomDoc = new RoomDoc({ snapshot: edits[0]!, updates: edits.slice(1), lastSeq: edits.length });
    const answer = new SyncAnswers(roomDoc).answer(EMPTY);
    expect(answer).toHaveLength(2);
    expect(carriedUpdate(answer[0]!, 'answer')).toEqual(edits[0]);
    expect(roomDoc.built).toBe(false);
    expect(editorAfter(answer).getText('t').toString()).toBe('cáo sơ kết năm 2024');
  });

  it('answers a brand-new editor of a room loaded from a log alone (no snapshot yet) with it, merged', () => {
    const edits = editsOf((text) => {
      text.insert(0, 'Kết quả');
      text.insert(7, ' thi đua');
    });
    const roomDoc = new RoomDoc({ snapshot: null, updates: edits, lastSeq: edits.length });
    const answer = new SyncAnswers(roomDoc).answer(EMPTY);
    expect(roomDoc.built).toBe(false);
    expect(editorAfter(answer).getText('t').toString()).toBe('Kết quả thi đua');
  });

  it('answers from the document a room that held nothing', () => {
    const roomDoc = new RoomDoc({ snapshot: null, updates: [], lastSeq: 0 });
    expect(roomDoc.storedParts).toBeNull();
    expect(editorAfter(new SyncAnswers(roomDoc).answer(EMPTY)).getText('t').toString()).toBe('');
    expect(roomDoc.built).toBe(true);
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
    expect(editorAfter(answers.answer(EMPTY)).getText('t').toString()).toBe('Mới: cáo sơ kết');
  });
});
