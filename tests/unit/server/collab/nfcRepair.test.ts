/**
 * What the server rewrites so that rooms store NFC (server/collab/nfcRepair.ts): the decomposed part of
 * each text, marks kept, in section bodies, the opening paragraphs and the frame's fields.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { FRAME_MAP, PREAMBLE_FRAGMENT, SECTION_FRAGMENT } from '../../../../common/rooms.js';
import { createNfcRepair, mayNotBeNfc, needsNfcRepair, repairNfc } from '../../../../server/collab/nfcRepair.js';

const DECOMPOSED = 'Vie\u0323\u0302t Nam';
const SECTION = { kind: 'section', sectionId: 's' } as const;
const FRAME = { kind: 'frame' } as const;

function paragraph(fragment: Y.XmlFragment, build: (text: Y.XmlText) => void): Y.XmlText {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  element.insert(0, [text]);
  fragment.push([element]);
  build(text);
  return text;
}

describe('repairNfc', () => {
  it('brings a section’s decomposed text to NFC, keeping each run’s marks and the text around it', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment(SECTION_FRAGMENT);
    const text = paragraph(body, (content) => {
      content.insert(0, 'Đã tới ');
      content.insert(7, DECOMPOSED, { bold: {} });
      content.insert(7 + DECOMPOSED.length, ' rồi.', {});
    });
    expect(needsNfcRepair(doc, SECTION)).toBe(true);
    doc.transact(() => expect(repairNfc(doc, SECTION)).toBe(1));
    expect(text.toDelta()).toEqual([{ insert: 'Đã tới ' }, { insert: 'Việt Nam', attributes: { bold: {} } }, { insert: ' rồi.' }]);
    expect(needsNfcRepair(doc, SECTION)).toBe(false);
    doc.destroy();
  });

  it('reaches text nested in lists and leaves NFC text alone', () => {
    const doc = new Y.Doc();
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const inner = new Y.XmlElement('paragraph');
    const text = new Y.XmlText(DECOMPOSED);
    inner.insert(0, [text]);
    item.insert(0, [inner]);
    list.insert(0, [item]);
    doc.getXmlFragment(SECTION_FRAGMENT).push([list]);
    paragraph(doc.getXmlFragment(SECTION_FRAGMENT), (content) => content.insert(0, 'Đã đúng'));
    doc.transact(() => expect(repairNfc(doc, SECTION)).toBe(1));
    expect(text.toString()).toBe('Việt Nam');
    doc.destroy();
  });

  it('repairs the frame’s fields, its recipients and the opening paragraphs, and nothing of a section room there', () => {
    const doc = new Y.Doc();
    const frame = doc.getMap<unknown>(FRAME_MAP);
    const recipients = new Y.Array<string>();
    recipients.push(['Sở Nội vụ', DECOMPOSED]);
    frame.set('signerName', DECOMPOSED);
    frame.set('subject', 'Báo cáo');
    frame.set('recipients', recipients);
    const preamble = paragraph(doc.getXmlFragment(PREAMBLE_FRAGMENT), (content) => content.insert(0, DECOMPOSED));
    expect(needsNfcRepair(doc, SECTION)).toBe(false);
    expect(needsNfcRepair(doc, FRAME)).toBe(true);
    doc.transact(() => expect(repairNfc(doc, FRAME)).toBe(3));
    expect(frame.get('signerName')).toBe('Việt Nam');
    expect(frame.get('subject')).toBe('Báo cáo');
    expect(recipients.toArray()).toEqual(['Sở Nội vụ', 'Việt Nam']);
    expect(preamble.toString()).toBe('Việt Nam');
    expect(needsNfcRepair(doc, FRAME)).toBe(false);
    doc.destroy();
  });
});

describe('createNfcRepair', () => {
  /** A registry whose one room applies server changes to `doc`, counting them. */
  function fakeRegistry(doc: Y.Doc) {
    const changes: number[] = [];
    const registry = {
      withRoom: async <T>(_name: string, task: (room: never) => Promise<T>) =>
        task({
          applyServerChange: async (change: (live: Y.Doc) => void) => {
            doc.transact(() => change(doc));
            changes.push(Date.now());
          },
        } as never),
    };
    return { registry, changes };
  }
  const logger = { info: () => undefined, warn: () => undefined } as never;
  const sectionDoc = () => {
    const doc = new Y.Doc();
    paragraph(doc.getXmlFragment(SECTION_FRAGMENT), (content) => content.insert(0, DECOMPOSED));
    return doc;
  };

  it('repairs a room once it has been quiet, however many edits came before', async () => {
    vi.useFakeTimers();
    try {
      const doc = sectionDoc();
      const { registry, changes } = fakeRegistry(doc);
      const repair = createNfcRepair({ registry, logger, quietMs: 100 });
      for (let edit = 0; edit < 5; edit += 1) {
        repair.noteStoredEdit('r1/section/s', doc);
        await vi.advanceTimersByTimeAsync(60);
      }
      expect(changes).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(100);
      expect(changes).toHaveLength(1);
      expect(doc.getXmlFragment(SECTION_FRAGMENT).toString()).toContain('Việt Nam');
      doc.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a frozen report’s rooms, the review room and a room already unloaded alone', async () => {
    vi.useFakeTimers();
    try {
      const doc = sectionDoc();
      const { registry, changes } = fakeRegistry(doc);
      createNfcRepair({ registry, logger, quietMs: 10, isFrozen: (id) => id === 'frozen' }).noteStoredEdit('frozen/section/s', doc);
      createNfcRepair({ registry, logger, quietMs: 10 }).noteStoredEdit('r1/review', doc);
      await vi.advanceTimersByTimeAsync(50);
      const gone = sectionDoc();
      createNfcRepair({ registry, logger, quietMs: 10 }).noteStoredEdit('r1/section/s', gone);
      gone.destroy();
      await vi.advanceTimersByTimeAsync(50);
      expect(changes).toHaveLength(0);
      doc.destroy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('mayNotBeNfc', () => {
  /** The update of typing `text` into a fresh document whose client id is `client`. */
  const typed = (text: string, client: number) => {
    const doc = new Y.Doc();
    doc.clientID = client;
    doc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };
  // Client ids whose varint bytes are ≥ 0x80 (they decode as replacement characters or stray letters).
  const clients = [1, 300, 2 ** 31 - 1, 3_411_527_913, 1_234_567];

  it('passes typing in ASCII or precomposed Vietnamese without a closer look', () => {
    for (const client of clients) {
      for (const text of ['a', 'Báo cáo sơ kết', 'Ủy ban nhân dân huyện Lấp Vò', 'ĐỒNG THÁP', 'Điển hình tiên tiến 2021 - 2025', '“Học tập”']) {
        expect(mayNotBeNfc(typed(text, client)), `${text} by ${client}`).toBe(false);
      }
    }
  });

  it('flags decomposed letters and lone marks, whoever types them', () => {
    for (const client of clients) {
      for (const text of ['Vie\u0302\u0323t', 'a\u0301', '\u0303', '\u2126', '\u212b']) {
        expect(mayNotBeNfc(typed(text, client)), `${JSON.stringify(text)} by ${client}`).toBe(true);
      }
    }
  });
});
