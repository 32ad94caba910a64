import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../../../common/seededRandom.js';
import { outlineByYjs } from '../../../../server/collab/updateCheck.js';
import { outlineUpdate } from '../../../../server/collab/updateScan.js';

/** Whole numbers below `below`, from a seeded sequence, so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  const next = seededRandom(seed);
  return (below) => Math.floor(next() * below);
}

/** Updates of every kind of content the editor and the frame write: text with marks, elements, maps, arrays. */
function updatesOfWork(seed: number): Uint8Array[] {
  const next = random(seed);
  const doc = new Y.Doc();
  doc.clientID = 1 + next(2 ** 31);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const body = doc.getXmlFragment('body');
  const frame = doc.getMap<unknown>('frame');
  const list = doc.getArray<unknown>('recipients');
  const words = ['Báo cáo', 'sơ kết', '“Đề án”', 'năm 2024', '😀 ổn', '\u0301', 'x'];
  for (let step = 0; step < 60; step++) {
    const word = words[next(words.length)]!;
    switch (next(8)) {
      case 0: {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('textAlign', next(2) ? 'left' : 'justify');
        paragraph.insert(0, [new Y.XmlText(word)]);
        body.insert(next(body.length + 1), [paragraph]);
        break;
      }
      case 1: {
        const text = body.length > 0 ? (body.get(next(body.length)) as Y.XmlElement).get(0) : null;
        if (text instanceof Y.XmlText) text.insert(next(text.length + 1), word, next(2) ? { bold: true } : {});
        break;
      }
      case 2: {
        const text = body.length > 0 ? (body.get(next(body.length)) as Y.XmlElement).get(0) : null;
        if (text instanceof Y.XmlText && text.length > 1) text.format(0, 1 + next(text.length - 1), { italic: next(2) ? true : null });
        break;
      }
      case 3:
        if (body.length > 0) body.delete(next(body.length), 1);
        break;
      case 4:
        frame.set(['signer', 'number', 'place', 'date'][next(4)]!, next(2) ? word : { nested: [word, next(100), null, true] });
        break;
      case 5:
        list.insert(next(list.length + 1), [word, next(1000), 2.5]);
        break;
      case 6:
        if (list.length > 0) list.delete(next(list.length), 1);
        break;
      case 7:
        doc.getText('embeds').insertEmbed(0, { image: word });
        break;
    }
  }
  return updates;
}

describe('outlineUpdate (the scan of update bytes)', () => {
  it('reads every update of real work exactly as Yjs’s decoder does', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const updates = updatesOfWork(seed);
      for (const update of [...updates, Y.mergeUpdates(updates)]) {
        expect(outlineUpdate(update), `seed ${seed}`).toEqual(outlineByYjs(update));
      }
    }
  });

  it('agrees with Yjs on which cut or damaged updates do not decode', () => {
    const next = random(7);
    for (let seed = 1; seed <= 10; seed++) {
      for (const update of updatesOfWork(seed)) {
        const damaged = [update.slice(0, next(update.byteLength)), update.map((byte, index) => (index === next(update.byteLength) ? next(256) : byte))];
        for (const bytes of damaged) {
          const scanned = outlineUpdate(bytes);
          const byYjs = outlineByYjs(bytes);
          // The scan may leave a damaged update to Yjs (null), never contradict it.
          if (scanned === null) continue;
          if (byYjs === null) expect(scanned, `seed ${seed}`).toBe('malformed');
          else expect(scanned, `seed ${seed}`).toEqual(byYjs);
        }
      }
    }
  });

  it('calls a client’s structs in two blocks malformed', () => {
    const doc = new Y.Doc();
    doc.clientID = 5;
    doc.getText('t').insert(0, 'ab');
    // Two blocks of client 5, clocks 0 and 1, hand-written in the v1 format.
    const twice = Uint8Array.of(2, 1, 5, 0, 4, 1, 1, 116, 1, 97, 1, 5, 1, 132, 5, 0, 1, 98, 0);
    expect(outlineByYjs(twice)).not.toBeNull();
    expect(outlineUpdate(twice)).toBe('malformed');
  });
});
