/**
 * The one contract every Store implementation passes (STYLE.md, principle 5). Each implementation's test
 * file calls {@link describeStoreContract} with a way to open a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { sectionSchema } from '../../../common/editorSchema.js';
import { SECTION_FRAGMENT, formatRoomName, sectionRoom } from '../../../common/rooms.js';
import { sectionStartingContent } from '../../../common/template.js';
import type { ReportRecord, SectionRecord, Store, StoredDocument } from '../../../server/storage/store.js';
import { seededRandom } from '../../../common/seededRandom.js';
import { mergeIntoSnapshot } from '../../../server/collab/snapshot.js';
import { docFromStored } from '../../../server/storage/storedDocument.js';
import { describeAccountStoreContract } from './accountStoreContract.js';
import { describeHousekeepingStoreContract } from './housekeepingStoreContract.js';
import { describeReviewStoreContract } from './reviewStoreContract.js';
import { describeSigningStoreContract } from './signingStoreContract.js';
import { describeWorkflowStoreContract } from './workflowStoreContract.js';

/** A freshly opened, empty store and how to get at its data again. */
export interface OpenedStore {
  store: Store;
  /**
   * Opens the same data again as a new Store: as a restarted process would, when the test closed `store`
   * first, or as a second instance would, when it did not. The new store is closed by `cleanup` too.
   */
  reopen(): Promise<Store>;
  /** Closes every store opened through this object and removes its data. */
  cleanup(): Promise<void>;
}


function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** Bytes as hex, so a comparison shows where they differ and ignores Buffer-versus-Uint8Array. */
/** The bytes of `parts` one after the other. */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

function hex(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A stored document with its bytes as hex, to compare with toEqual. */
function readable(doc: StoredDocument) {
  return { snapshot: hex(doc.snapshot), updates: doc.updates.map(hex), lastSeq: doc.lastSeq };
}

function section(id: string, title: string, ownerDepartmentId: string | null = null): SectionRecord {
  return { id, title, ownerDepartmentId };
}

function report(id: string, overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id,
    title: `Báo cáo sơ kết ${id}`,
    status: 'draft',
    templateId: 'bao-cao-so-ket',
    docType: 'BÁO CÁO',
    createdAt: '2025-03-01T08:00:00.000Z',
    sections: [
      section('tham-muu', 'CÔNG TÁC THAM MƯU TRIỂN KHAI THỰC HIỆN', 'phong-noi-vu'),
      section('ket-qua', 'KẾT QUẢ TRIỂN KHAI THỰC HIỆN'),
      section('danh-gia', 'ĐÁNH GIÁ CHUNG'),
    ],
    ...overrides,
  };
}

/** A Yjs update holding a section body written from its template, as the server seeds a new room. */
function startingState(heading: string): Uint8Array {
  // A fixed client id makes the same heading give the same bytes, so a test can compare them.
  const doc = new Y.Doc();
  doc.clientID = 1;
  const json = sectionStartingContent({ id: 's', title: 'S', parts: [{ heading, guidance: 'Nêu kết quả.' }] });
  prosemirrorJSONToYXmlFragment(sectionSchema, json, doc.getXmlFragment(SECTION_FRAGMENT));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The starting state of every room of `record`: the frame, the review room and one per section. */
function roomsOf(record: ReportRecord): Map<string, Uint8Array> {
  const rooms = new Map<string, Uint8Array>();
  rooms.set(formatRoomName({ reportId: record.id, part: { kind: 'frame' } }), randomBytes(seededRandom(1), 40));
  rooms.set(formatRoomName({ reportId: record.id, part: { kind: 'review' } }), randomBytes(seededRandom(2), 8));
  for (const { id, title } of record.sections) rooms.set(sectionRoom(record.id, id), startingState(title));
  return rooms;
}

/** A document rebuilt from what the store holds, as a room does when it loads. */
const restore = docFromStored;

/** A Y.Doc that records every update it produces. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

/**
 * Registers the contract suite for one Store implementation. `open` gives a fresh, empty store per test.
 * `writers: 'one'` for a store that is its data's one writer (SQLite with the append journal): a second
 * instance on the same data is refused instead of sharing it.
 */
export function describeStoreContract(name: string, open: () => Promise<OpenedStore>, options: { writers: 'many' | 'one' } = { writers: 'many' }): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    describe('room documents', () => {
      it('loads a room never written as empty', async () => {
        expect(await store.loadDocument('never/frame')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      });

      it('numbers the updates of a room with increasing sequence numbers', async () => {
        const random = seededRandom(10);
        const seqs: number[] = [];
        for (let i = 0; i < 20; i++) seqs.push(await store.appendUpdate('r1/frame', randomBytes(random, 10)));
        for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
        expect(seqs[0]).toBeGreaterThan(0);
        expect(seqs.every(Number.isInteger)).toBe(true);
      });

      it('gives the updates back oldest first, byte for byte, with the last sequence number', async () => {
        const random = seededRandom(11);
        const updates = [1, 2, 255, 256, 4096, 200_000].map((length) => randomBytes(random, length));
        updates.push(Uint8Array.of(0, 0, 0), Uint8Array.of(0xff));
        let last = 0;
        for (const update of updates) last = await store.appendUpdate('r1/section/a', update);

        const stored = await store.loadDocument('r1/section/a');
        expect(readable(stored)).toEqual({ snapshot: null, updates: updates.map(hex), lastSeq: last });
        for (const update of stored.updates) expect(update).toBeInstanceOf(Uint8Array);
      });

      it('reads a view into a larger buffer as just the bytes of the view', async () => {
        const pool = randomBytes(seededRandom(12), 100);
        const view = pool.subarray(30, 40);
        await store.appendUpdate('r1/frame', view);
        expect((await store.loadDocument('r1/frame')).updates.map(hex)).toEqual([hex(view)]);
      });

      it('keeps what was appended when the caller reuses its buffer afterwards', async () => {
        const update = Uint8Array.of(1, 2, 3);
        await store.appendUpdate('r1/frame', update);
        update.fill(9);
        const first = await store.loadDocument('r1/frame');
        expect(first.updates.map(hex)).toEqual(['010203']);
        first.updates[0]!.fill(7);
        expect((await store.loadDocument('r1/frame')).updates.map(hex)).toEqual(['010203']);
      });

      it('keeps rooms apart: each loads only its own updates, numbered in its own order', async () => {
        const rooms = ['r1/frame', 'r1/review', 'r1/section/a', 'r2/section/a'];
        const appended = new Map<string, Array<{ seq: number; bytes: string }>>(rooms.map((room) => [room, []]));
        for (let i = 0; i < 12; i++) {
          const room = rooms[i % rooms.length]!;
          const bytes = Uint8Array.of(i, rooms.indexOf(room));
          appended.get(room)!.push({ seq: await store.appendUpdate(room, bytes), bytes: hex(bytes)! });
        }
        for (const room of rooms) {
          const mine = appended.get(room)!;
          expect(readable(await store.loadDocument(room))).toEqual({
            snapshot: null,
            updates: mine.map((entry) => entry.bytes),
            lastSeq: mine[mine.length - 1]!.seq,
          });
        }
        expect(await store.loadDocument('r1/section/b')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      });
    });

    describe('compaction', () => {
      /** A merge that records what it was given and returns `result`. */
      const recording = (result: number[]) => {
        const given: string[][] = [];
        const merge = (parts: readonly Uint8Array[]) => {
          given.push(parts.map((part) => hex(part)!));
          return Uint8Array.from(result);
        };
        return { merge, given };
      };

      it('folds the snapshot and every update after it into what the merge returns', async () => {
        let last = 0;
        for (const byte of [1, 2, 3]) last = await store.appendUpdate('r1/frame', Uint8Array.of(byte));
        const first = recording([0xaa, 0xbb]);
        expect(await store.compactDocument('r1/frame', first.merge)).toBe(last);
        expect(first.given).toEqual([['01', '02', '03']]);
        expect(readable(await store.loadDocument('r1/frame'))).toEqual({ snapshot: 'aabb', updates: [], lastSeq: last });

        const next = await store.appendUpdate('r1/frame', Uint8Array.of(4));
        const second = recording([0xcc]);
        expect(await store.compactDocument('r1/frame', second.merge)).toBe(next);
        expect(second.given).toEqual([['aabb', '04']]);
        expect(readable(await store.loadDocument('r1/frame'))).toEqual({ snapshot: 'cc', updates: [], lastSeq: next });
      });

      it('changes nothing when the log is empty, and when the merge throws', async () => {
        const never = recording([0x00]);
        expect(await store.compactDocument('r1/frame', never.merge)).toBeNull();
        expect(never.given).toEqual([]);
        const seq = await store.appendUpdate('r1/frame', Uint8Array.of(7));
        await expect(
          store.compactDocument('r1/frame', () => {
            throw new Error('merge failed');
          }),
        ).rejects.toThrow('merge failed');
        expect(readable(await store.loadDocument('r1/frame'))).toEqual({ snapshot: null, updates: ['07'], lastSeq: seq });
      });

      it('keeps every update appended while compactions run, whichever finishes first', async () => {
        const appended: Promise<number>[] = [];
        const compactions: Promise<number | null>[] = [];
        for (let i = 1; i <= 40; i++) {
          appended.push(store.appendUpdate('r1/frame', Uint8Array.of(i)));
          if (i % 7 === 0) compactions.push(store.compactDocument('r1/frame', (parts) => concat(parts)));
        }
        const seqs = await Promise.all(appended);
        await Promise.all(compactions);
        const stored = await store.loadDocument('r1/frame');
        const bytes = [...concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])];
        expect(bytes).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(stored.lastSeq).toBe(Math.max(...seqs));
      });

      it('numbers updates appended after a compaction above it, and gives them back after the snapshot', async () => {
        await store.appendUpdate('r1/frame', Uint8Array.of(1));
        const first = await store.compactDocument('r1/frame', recording([0x10]).merge);
        const second = await store.appendUpdate('r1/frame', Uint8Array.of(2));
        const third = await store.appendUpdate('r1/frame', Uint8Array.of(3));
        expect(second).toBeGreaterThan(first!);
        expect(readable(await store.loadDocument('r1/frame'))).toEqual({
          snapshot: '10',
          updates: ['02', '03'],
          lastSeq: third,
        });
      });

      it('leaves other rooms alone', async () => {
        await store.appendUpdate('r1/frame', Uint8Array.of(1));
        const theirs = await store.appendUpdate('r2/frame', Uint8Array.of(2));
        await store.compactDocument('r1/frame', recording([0xee]).merge);
        expect(readable(await store.loadDocument('r2/frame'))).toEqual({ snapshot: null, updates: ['02'], lastSeq: theirs });
      });
    });

    describe('catching up from a sequence number', () => {
      /** The updates as `{ seq, bytes }`, to compare with toEqual. */
      const seen = (updates: Array<{ seq: number; update: Uint8Array }> | null) =>
        updates && updates.map(({ seq, update }) => ({ seq, bytes: hex(update) }));

      it('gives nothing for a room never written or read to its end', async () => {
        expect(await store.loadUpdatesAfter('never/frame', 0)).toEqual([]);
        const last = await store.appendUpdate('r1/frame', Uint8Array.of(1));
        expect(await store.loadUpdatesAfter('r1/frame', last)).toEqual([]);
        expect(await store.loadUpdatesAfter('r2/frame', 0)).toEqual([]);
      });

      it('gives the updates numbered above the one asked for, oldest first, byte for byte', async () => {
        const random = seededRandom(13);
        const updates = [3, 1, 200_000, 17].map((length) => randomBytes(random, length));
        const appended: Array<{ seq: number; bytes: string | null }> = [];
        for (const update of updates) {
          appended.push({ seq: await store.appendUpdate('r1/frame', update), bytes: hex(update) });
          await store.appendUpdate('r2/frame', Uint8Array.of(0xee));
        }
        expect(seen(await store.loadUpdatesAfter('r1/frame', 0))).toEqual(appended);
        expect(seen(await store.loadUpdatesAfter('r1/frame', appended[1]!.seq))).toEqual(appended.slice(2));
        const [first] = (await store.loadUpdatesAfter('r1/frame', 0))!;
        expect(first!.update).toBeInstanceOf(Uint8Array);
      });

      it('gives the updates after a new report’s starting state', async () => {
        const record = report('r1');
        await store.createReport(record, roomsOf(record));
        const room = sectionRoom('r1', 'ket-qua');
        expect(await store.loadUpdatesAfter(room, 0)).toEqual([]);
        const seq = await store.appendUpdate(room, Uint8Array.of(5));
        expect(seen(await store.loadUpdatesAfter(room, 0))).toEqual([{ seq, bytes: '05' }]);
      });

      it('says to load the whole document once a compaction folded updates above the one asked for', async () => {
        const seqs: number[] = [];
        for (const byte of [1, 2, 3]) seqs.push(await store.appendUpdate('r1/frame', Uint8Array.of(byte)));
        await store.compactDocument('r1/frame', concat);
        expect(await store.loadUpdatesAfter('r1/frame', 0)).toBeNull();
        expect(await store.loadUpdatesAfter('r1/frame', seqs[1]!)).toBeNull();
        expect(await store.loadUpdatesAfter('r1/frame', seqs[2]!)).toEqual([]);
      });

      it('gives the updates appended after a compaction that stopped at or below the one asked for', async () => {
        const seqs: number[] = [];
        for (const byte of [1, 2]) seqs.push(await store.appendUpdate('r1/frame', Uint8Array.of(byte)));
        await store.compactDocument('r1/frame', concat);
        for (const byte of [3, 4, 5]) seqs.push(await store.appendUpdate('r1/frame', Uint8Array.of(byte)));
        expect(seen(await store.loadUpdatesAfter('r1/frame', seqs[1]!))).toEqual([
          { seq: seqs[2], bytes: '03' },
          { seq: seqs[3], bytes: '04' },
          { seq: seqs[4], bytes: '05' },
        ]);
        expect(seen(await store.loadUpdatesAfter('r1/frame', seqs[3]!))).toEqual([{ seq: seqs[4], bytes: '05' }]);
        expect(await store.loadUpdatesAfter('r1/frame', seqs[0]!)).toBeNull();
      });
    });

    describe('reports', () => {
      it('stores a report with its sections in document order', async () => {
        const record = report('r1', {
          sections: [section('z-last', 'Z'), section('a-first', 'A', 'dept-1'), section('m-mid', 'M')],
        });
        await store.createReport(record, roomsOf(record));
        expect(await store.getReport('r1')).toEqual(record);
      });

      it('keeps every field of a report as given', async () => {
        const record = report('r-fields', {
          title: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024',
          status: 'review',
          templateId: 'another-template',
          docType: 'TỜ TRÌNH',
          createdAt: '2024-12-31T23:59:59.999Z',
          sections: [section('only', 'KIẾN NGHỊ, ĐỀ XUẤT', 'phong-tai-chinh')],
        });
        await store.createReport(record, roomsOf(record));
        expect(await store.getReport('r-fields')).toEqual(record);
      });

      it('stores the starting state of each room, which loads as its snapshot', async () => {
        const record = report('r1');
        const rooms = roomsOf(record);
        await store.createReport(record, rooms);
        for (const [room, state] of rooms) {
          expect(readable(await store.loadDocument(room)), room).toEqual({ snapshot: hex(state), updates: [], lastSeq: 0 });
        }
      });

      it('gives the updates appended to a new room after its starting state', async () => {
        const record = report('r1');
        const rooms = roomsOf(record);
        await store.createReport(record, rooms);
        const room = sectionRoom('r1', 'ket-qua');
        const seq = await store.appendUpdate(room, Uint8Array.of(5));
        expect(readable(await store.loadDocument(room))).toEqual({ snapshot: hex(rooms.get(room)!), updates: ['05'], lastSeq: seq });
      });

      it('refuses a second report with the same id and writes nothing of it', async () => {
        const original = report('r1');
        await store.createReport(original, roomsOf(original));

        const clash = report('r1', { title: 'Khác', sections: [section('ket-qua', 'KHÁC'), section('moi', 'MỚI')] });
        const clashRooms = new Map([
          [sectionRoom('r1', 'ket-qua'), Uint8Array.of(0xde, 0xad)],
          [sectionRoom('r1', 'moi'), Uint8Array.of(0xbe, 0xef)],
        ]);
        await expect(store.createReport(clash, clashRooms)).rejects.toThrow();

        expect(await store.getReport('r1')).toEqual(original);
        expect(await store.listReports()).toEqual([original]);
        expect(await store.loadDocument(sectionRoom('r1', 'moi'))).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
        const kept = await store.loadDocument(sectionRoom('r1', 'ket-qua'));
        expect(hex(kept.snapshot)).toBe(hex(roomsOf(original).get(sectionRoom('r1', 'ket-qua'))!));
      });

      it('refuses a report whose sections repeat an id and writes none of it', async () => {
        const record = report('r-dup', { sections: [section('a', 'A'), section('a', 'A lần nữa')] });
        const rooms = new Map([
          [formatRoomName({ reportId: 'r-dup', part: { kind: 'frame' } }), Uint8Array.of(1)],
          [sectionRoom('r-dup', 'a'), Uint8Array.of(2)],
        ]);
        await expect(store.createReport(record, rooms)).rejects.toThrow();
        expect(await store.getReport('r-dup')).toBeNull();
        expect(await store.listReports()).toEqual([]);
        for (const room of rooms.keys()) {
          expect(await store.loadDocument(room)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
        }
      });

      it('lists no reports when there are none', async () => {
        expect(await store.listReports()).toEqual([]);
      });

      it('lists reports newest first, each with its sections in order', async () => {
        const middle = report('b-middle', { createdAt: '2025-02-01T00:00:00.000Z', sections: [section('y', 'Y'), section('x', 'X')] });
        const oldest = report('c-oldest', { createdAt: '2025-01-01T00:00:00.000Z' });
        const newest = report('a-newest', { createdAt: '2025-03-01T00:00:00.000Z', sections: [section('only', 'ONLY', 'd1')] });
        for (const record of [middle, oldest, newest]) await store.createReport(record, roomsOf(record));
        expect(await store.listReports()).toEqual([newest, middle, oldest]);
      });

      it('finds no report for an unknown id', async () => {
        const record = report('r1');
        await store.createReport(record, roomsOf(record));
        expect(await store.getReport('r2')).toBeNull();
        expect(await store.getReport('')).toBeNull();
      });
    });

    describe('durability', () => {
      it('keeps documents, snapshots and reports across close() and reopening', async () => {
        const record = report('r1');
        await store.createReport(record, roomsOf(record));
        const random = seededRandom(20);
        for (let i = 0; i < 5; i++) await store.appendUpdate('r1/frame', randomBytes(random, 50));
        await store.appendUpdate('r1/review', Uint8Array.of(1));
        await store.compactDocument('r1/review', () => Uint8Array.of(0x99));
        await store.appendUpdate('r1/review', Uint8Array.of(2));
        const rooms = ['r1/frame', 'r1/review', ...record.sections.map(({ id }) => sectionRoom('r1', id))];
        const before = await Promise.all(rooms.map(async (room) => readable(await store.loadDocument(room))));
        const reportsBefore = await store.listReports();

        await store.close();
        const reopened = await opened.reopen();

        expect(await Promise.all(rooms.map(async (room) => readable(await reopened.loadDocument(room))))).toEqual(before);
        expect(await reopened.listReports()).toEqual(reportsBefore);
        expect(await reopened.getReport('r1')).toEqual(record);
      });

      it('keeps numbering above every earlier update after a compaction emptied the log and a reopen', async () => {
        let last = 0;
        for (const byte of [1, 2, 3]) last = await store.appendUpdate('r1/frame', Uint8Array.of(byte));
        await store.compactDocument('r1/frame', () => Uint8Array.of(0x33));
        await store.close();
        const reopened = await opened.reopen();

        const next = await reopened.appendUpdate('r1/frame', Uint8Array.of(4));
        expect(next).toBeGreaterThan(last);
        expect(readable(await reopened.loadDocument('r1/frame'))).toEqual({ snapshot: '33', updates: ['04'], lastSeq: next });
      });
    });

    describe('with Yjs documents', () => {
      it('restores a document from its appended updates with the same text', async () => {
        const { doc, updates } = recordingDoc();
        const text = doc.getText('t');
        text.insert(0, 'Kết quả triển khai');
        text.insert(text.length, ' thực hiện');
        text.delete(0, 4);
        text.insert(0, 'Các kết ');
        doc.getMap('frame').set('symbol', 'BC-UBND');
        for (const update of updates) await store.appendUpdate('r1/frame', update);

        const restored = restore(await store.loadDocument('r1/frame'));
        expect(restored.getText('t').toString()).toBe(text.toString());
        expect(restored.getText('t').toString()).toBe('Các kết quả triển khai thực hiện');
        expect(restored.getMap('frame').get('symbol')).toBe('BC-UBND');
      });

      it('restores a compacted document plus the edits after it', async () => {
        const { doc, updates } = recordingDoc();
        const text = doc.getText('t');
        let last = 0;
        for (const word of ['Thuận', ' lợi', ',']) {
          text.insert(text.length, word);
          last = await store.appendUpdate('r1/frame', updates.shift()!);
        }
        expect(await store.compactDocument('r1/frame', mergeIntoSnapshot)).toBe(last);
        text.insert(text.length, ' khó khăn');
        await store.appendUpdate('r1/frame', updates.shift()!);

        const stored = await store.loadDocument('r1/frame');
        expect(stored.updates).toHaveLength(1);
        expect(restore(stored).getText('t').toString()).toBe('Thuận lợi, khó khăn');
      });

      it('restores a section body from its starting state and the edits made to it', async () => {
        const record = report('r1', { sections: [section('ket-qua', 'KẾT QUẢ')] });
        const room = sectionRoom('r1', 'ket-qua');
        await store.createReport(record, new Map([[room, startingState('Kết quả khen thưởng')]]));

        const editor = restore(await store.loadDocument(room));
        const edits: Uint8Array[] = [];
        editor.on('update', (update: Uint8Array) => edits.push(update));
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Tặng 12 Bằng khen.')]);
        editor.getXmlFragment(SECTION_FRAGMENT).push([paragraph]);
        for (const edit of edits) await store.appendUpdate(room, edit);

        const restored = restore(await store.loadDocument(room));
        expect(yXmlFragmentToProsemirrorJSON(restored.getXmlFragment(SECTION_FRAGMENT))).toEqual(
          yXmlFragmentToProsemirrorJSON(editor.getXmlFragment(SECTION_FRAGMENT)),
        );
        expect(restored.getXmlFragment(SECTION_FRAGMENT).toString()).toContain('Kết quả khen thưởng');
        expect(restored.getXmlFragment(SECTION_FRAGMENT).toString()).toContain('Tặng 12 Bằng khen.');
      });
    });

    describe('under concurrency', () => {
      it('stores all of 200 appends made at once across many rooms, each room in sequence order', async () => {
        const random = seededRandom(30);
        const jobs = Array.from({ length: 200 }, (_, i) => ({
          room: sectionRoom(`r${i % 20}`, `s${i % 3}`),
          bytes: randomBytes(random, 1 + Math.floor(random() * 300)),
        }));
        const seqs = await Promise.all(jobs.map((job) => store.appendUpdate(job.room, job.bytes)));

        const byRoom = new Map<string, Array<{ seq: number; bytes: string }>>();
        jobs.forEach((job, i) => {
          const list = byRoom.get(job.room) ?? [];
          list.push({ seq: seqs[i]!, bytes: hex(job.bytes)! });
          byRoom.set(job.room, list);
        });
        let total = 0;
        for (const [room, entries] of byRoom) {
          entries.sort((a, b) => a.seq - b.seq);
          const stored = await store.loadDocument(room);
          expect(readable(stored), room).toEqual({
            snapshot: null,
            updates: entries.map((entry) => entry.bytes),
            lastSeq: entries[entries.length - 1]!.seq,
          });
          expect(new Set(entries.map((entry) => entry.seq)).size).toBe(entries.length);
          total += stored.updates.length;
        }
        expect(total).toBe(200);
      });

      if (options.writers === 'one') {
        it('refuses a second instance on the same data while the first is open, and the first goes on', async () => {
          await store.appendUpdate('r1/frame', Uint8Array.of(1));
          await expect(opened.reopen()).rejects.toThrow(/in use/);
          await store.appendUpdate('r1/frame', Uint8Array.of(2));
          expect(readable(await store.loadDocument('r1/frame'))).toEqual({ snapshot: null, updates: ['01', '02'], lastSeq: 2 });
        });
      } else {
        it('keeps every update of two instances appending to one room and compacting it at once, once each, in each one’s order', async () => {
          // The second instance is the same data opened again while the first stays open.
          const other = await opened.reopen();
          const room = 'r1/frame';
          const count = 40;
          const mineBytes = Array.from({ length: count }, (_, i) => i + 1);
          const theirBytes = Array.from({ length: count }, (_, i) => i + 101);
          /** Appends one after another, each followed by a compaction that is not waited for. */
          const appendAll = async (instance: Store, bytes: number[]) => {
            const seqs: number[] = [];
            const compactions: Promise<number | null>[] = [];
            for (const byte of bytes) {
              seqs.push(await instance.appendUpdate(room, Uint8Array.of(byte)));
              compactions.push(instance.compactDocument(room, concat));
            }
            await Promise.all(compactions);
            return seqs;
          };
          const [mine, theirs] = await Promise.all([appendAll(store, mineBytes), appendAll(other, theirBytes)]);

          for (const seqs of [mine, theirs]) for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
          expect(new Set([...mine, ...theirs]).size).toBe(2 * count);
          for (const instance of [store, other]) {
            const stored = await instance.loadDocument(room);
            const bytes = [...concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])];
            // Each update once, and each instance's in the order it appended them (the order of their numbers).
            expect([...bytes].sort((a, b) => a - b)).toEqual([...mineBytes, ...theirBytes]);
            expect(bytes.filter((byte) => byte <= count)).toEqual(mineBytes);
            expect(bytes.filter((byte) => byte > 100)).toEqual(theirBytes);
            expect(stored.lastSeq).toBe(Math.max(...mine, ...theirs));
          }
        });
      }

      it('creates many reports at once, all of them whole', async () => {
        const records = Array.from({ length: 20 }, (_, i) =>
          report(`r${String(i).padStart(2, '0')}`, { createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }),
        );
        await Promise.all(records.map((record) => store.createReport(record, roomsOf(record))));
        expect(await store.listReports()).toEqual([...records].reverse());
      });
    });

    describeAccountStoreContract(() => store);
    describeReviewStoreContract(() => opened);
    describeWorkflowStoreContract(() => opened);
    describeSigningStoreContract(() => opened);
    describeHousekeepingStoreContract(() => opened);
  });
}
