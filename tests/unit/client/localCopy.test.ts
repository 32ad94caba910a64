/**
 * The pure parts of the browser copies (client/src/collab/localCopy.ts): their names, one per account and
 * room, and whether a copy holds changes the server lacks — what decides if kept text is shown to copy.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { holdsUnsentChanges, localCopyName } from '../../../client/src/collab/localCopy.js';

describe('localCopyName', () => {
  it('names a copy after the account and the room, so two accounts never share one', () => {
    expect(localCopyName('acc1', 'rep1/frame')).toBe('dong-soan:acc1:rep1/frame');
    expect(localCopyName('acc1', 'rep1/section/ket-qua')).toBe('dong-soan:acc1:rep1/section/ket-qua');
    expect(localCopyName('acc1', 'rep1/frame')).not.toBe(localCopyName('acc2', 'rep1/frame'));
    expect(localCopyName('acc1', 'rep1/frame')).not.toBe(localCopyName('acc1', 'rep2/frame'));
  });
});

describe('holdsUnsentChanges', () => {
  /** The server's document and a browser copy that starts as a copy of it. */
  function serverAndCopy(): { server: Y.Doc; local: Y.Doc } {
    const server = new Y.Doc();
    server.getMap('frame').set('subject', 'Sơ kết 6 tháng');
    server.getText('text').insert(0, 'Nội dung đã lưu.');
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    return { server, local };
  }

  it('is false when the copy holds nothing but what the server has', () => {
    const { server, local } = serverAndCopy();
    expect(holdsUnsentChanges(local, server)).toBe(false);
    expect(holdsUnsentChanges(new Y.Doc(), server)).toBe(false);
  });

  it('is false when only the server moved on since the copy was made', () => {
    const { server, local } = serverAndCopy();
    server.getText('text').insert(0, 'Người khác viết. ');
    server.getMap('frame').set('subject', 'Sơ kết năm');
    expect(holdsUnsentChanges(local, server)).toBe(false);
  });

  it('is true for text the server never received', () => {
    const { server, local } = serverAndCopy();
    local.getText('text').insert(0, 'Chưa gửi. ');
    expect(holdsUnsentChanges(local, server)).toBe(true);
  });

  it('is true for a field set offline, even when the server set it to something else meanwhile', () => {
    const { server, local } = serverAndCopy();
    local.getMap('frame').set('subject', 'Sơ kết 6 tháng đầu năm');
    server.getMap('frame').set('subject', 'Sơ kết năm');
    expect(holdsUnsentChanges(local, server)).toBe(true);
  });

  it('is true for a deletion the server never applied', () => {
    const { server, local } = serverAndCopy();
    local.getText('text').delete(0, 4);
    expect(holdsUnsentChanges(local, server)).toBe(true);
  });

  it('is false once the server has received the copy’s changes', () => {
    const { server, local } = serverAndCopy();
    local.getText('text').insert(0, 'Chưa gửi. ');
    local.getText('text').delete(12, 3);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local, Y.encodeStateVector(server)));
    expect(holdsUnsentChanges(local, server)).toBe(false);
  });
});
