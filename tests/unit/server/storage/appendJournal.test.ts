import { describe, expect, it } from 'vitest';
import {
  AppendJournal,
  FILE_HEADER_BYTES,
  journalGeneration,
  readJournal,
  RECORD_HEADER_BYTES,
} from '../../../../server/storage/sqlite/appendJournal.js';

/** The records of `bytes` as plain values, easy to compare. */
const read = (bytes: Uint8Array) => readJournal(bytes).map(({ room, seq, data }) => ({ room, seq, data: [...data] }));

describe('AppendJournal', () => {
  it('gives back every record written, in order, room names in any script', () => {
    const bytes = new Uint8Array(4096);
    const journal = new AppendJournal(bytes);
    const view = journal.write('r1/frame', 1, Uint8Array.of(1, 2, 3));
    journal.write('báo-cáo/phần-ĐỒNG 😀', 2 ** 40, Uint8Array.of(4));
    journal.write('r1/frame', 2, new Uint8Array(0));
    expect(read(bytes)).toEqual([
      { room: 'r1/frame', seq: 1, data: [1, 2, 3] },
      { room: 'báo-cáo/phần-ĐỒNG 😀', seq: 2 ** 40, data: [4] },
      { room: 'r1/frame', seq: 2, data: [] },
    ]);
    // The view given back is the update's bytes inside the journal.
    expect([...view!]).toEqual([1, 2, 3]);
    expect(view!.buffer).toBe(bytes.buffer);
  });

  it('copies the update: changing the caller’s buffer afterwards changes nothing stored', () => {
    const bytes = new Uint8Array(1024);
    const journal = new AppendJournal(bytes);
    const update = Uint8Array.of(7, 7, 7);
    journal.write('a', 1, update);
    update.fill(0);
    expect(read(bytes)[0]!.data).toEqual([7, 7, 7]);
  });

  it('voids every record at a reset, and a file written again holds only the new ones', () => {
    const bytes = new Uint8Array(4096);
    const journal = new AppendJournal(bytes);
    for (let seq = 1; seq <= 5; seq++) journal.write('a', seq, new Uint8Array(20).fill(seq));
    const generation = journalGeneration(bytes);
    journal.reset();
    expect(journalGeneration(bytes)).toBe(generation + 1);
    expect(read(bytes)).toEqual([]);
    // A shorter new generation over the old records: the old ones after it are not read.
    journal.write('b', 9, Uint8Array.of(9));
    expect(read(bytes)).toEqual([{ room: 'b', seq: 9, data: [9] }]);
  });

  it('starts a new generation over a journal it is given: what it held is void', () => {
    const bytes = new Uint8Array(1024);
    new AppendJournal(bytes).write('a', 1, Uint8Array.of(1));
    expect(read(bytes)).toHaveLength(1);
    new AppendJournal(bytes);
    expect(read(bytes)).toEqual([]);
  });

  it('ends the journal at a record cut short or damaged, keeping the ones before it', () => {
    const bytes = new Uint8Array(1024);
    const journal = new AppendJournal(bytes);
    journal.write('a', 1, Uint8Array.of(1, 1));
    const second = journal.used;
    journal.write('a', 2, Uint8Array.of(2, 2));
    journal.write('a', 3, Uint8Array.of(3, 3));

    const flipped = bytes.slice();
    flipped[second + RECORD_HEADER_BYTES + 1]! ^= 0xff; // a byte of the second record's update
    expect(read(flipped).map((record) => record.seq)).toEqual([1]);

    const cut = bytes.slice();
    new DataView(cut.buffer).setUint32(second, 1_000_000, true); // a length past the end of the file
    expect(read(cut).map((record) => record.seq)).toEqual([1]);

    const zeroed = bytes.slice();
    zeroed.fill(0, second); // the file as a crash left it: the second record never written
    expect(read(zeroed).map((record) => record.seq)).toEqual([1]);
  });

  it('reads nothing from a file that holds no journal', () => {
    expect(readJournal(new Uint8Array(0))).toEqual([]);
    expect(readJournal(new Uint8Array(4096))).toEqual([]);
    expect(readJournal(new Uint8Array(4096).fill(0xab))).toEqual([]);
    expect(journalGeneration(new Uint8Array(8))).toBe(0);
  });

  it('refuses a record that does not fit in what is left, and writes nothing of it', () => {
    const bytes = new Uint8Array(FILE_HEADER_BYTES + 2 * RECORD_HEADER_BYTES + 20);
    const journal = new AppendJournal(bytes);
    expect(journal.write('a', 1, new Uint8Array(10))).not.toBeNull();
    const before = bytes.slice();
    expect(journal.write('a', 2, new Uint8Array(30))).toBeNull();
    expect(bytes).toEqual(before);
    // A name's bytes count: three per character at most are set aside before encoding it.
    expect(journal.write('ĐĐĐĐĐĐĐĐ', 2, new Uint8Array(0))).toBeNull();
    expect(journal.write('a', 2, new Uint8Array(5))).not.toBeNull();
    expect(read(bytes).map((record) => record.seq)).toEqual([1, 2]);
  });

  it('refuses bytes too small to hold a record', () => {
    expect(() => new AppendJournal(new Uint8Array(FILE_HEADER_BYTES + RECORD_HEADER_BYTES - 1))).toThrow(RangeError);
  });
});
