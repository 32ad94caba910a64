/**
 * The title following the frame's subject (issue 10, item 7), with a store that answers when the test
 * says: the title-follow and a REST rename run one at a time per report, and a follow reads the subject
 * when it runs, so whichever change reached the frame last is the title.
 */
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FRAME_MAP } from '../../../../common/rooms.js';
import { createTitleSync, titleOfSubject } from '../../../../server/reports/titleSync.js';
import { KeyedQueue } from '../../../../server/review/keyedQueue.js';
import type { AuditRecord } from '../../../../server/storage/reviewStore.js';
import type { ReportRecord } from '../../../../server/storage/store.js';

/** A gate the test opens: the store's reads wait at it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function fixture() {
  const queue = new KeyedQueue();
  /** Server changes of the frame wait here until the test opens it (a room busy with earlier edits). */
  let frameWrites: Promise<void> = Promise.resolve();
  const doc = new Y.Doc();
  const frame = doc.getMap<unknown>(FRAME_MAP);
  frame.set('subject', 'Tiêu đề đầu');
  let title = 'Tiêu đề đầu';
  const reads = gate();
  const renames: Array<[string, string | null]> = [];
  const store = {
    async getReport(id: string) {
      await reads.opened;
      return { id, title } as ReportRecord;
    },
    async renameReport(_id: string, next: string, audit: AuditRecord | null) {
      renames.push([next, audit?.action ?? null]);
      title = next;
      return true;
    },
    async loadDocument() {
      throw new Error('the live room is read, not the store');
    },
  };
  const room = {
    applyServerChange: async (change: (target: Y.Doc) => void) => {
      await frameWrites;
      doc.transact(() => change(doc));
    },
  };
  const registry = { withRoom: async <T>(_name: string, task: (target: never) => Promise<T>) => task(room as never) };
  const logger = { error: () => undefined } as unknown as FastifyBaseLogger;
  const sync = createTitleSync({ store, registry, logger, queue });
  return {
    doc,
    frame,
    reads,
    renames,
    sync,
    title: () => title,
    holdFrameWrites: (until: Promise<void>) => void (frameWrites = until),
    drained: () => queue.run('r1', () => undefined),
  };
}

const audit: AuditRecord = { reportId: 'r1', at: '2025-06-30T03:00:00.000Z', userId: 'u1', action: 'report.renamed', detail: {} };

describe('the title following the subject', () => {
  it('runs a rename after the follow under way, which reads the subject as it is when it runs', async () => {
    const f = fixture();
    f.frame.set('subject', 'Gõ lần một');
    f.sync.noteStoredEdit('r1/frame', f.doc);
    // More typing while the follow waits for the store: one follow, reading the latest.
    f.frame.set('subject', 'Gõ lần hai');
    f.sync.noteStoredEdit('r1/frame', f.doc);
    const renamed = f.sync.rename('r1', 'Đổi qua REST', audit);
    await Promise.resolve();
    expect(f.renames).toEqual([]);
    f.reads.open();
    expect(await renamed).toBe(true);
    expect(f.renames).toEqual([
      ['Gõ lần hai', null],
      ['Đổi qua REST', 'report.renamed'],
    ]);
    expect(f.frame.get('subject')).toBe('Đổi qua REST');
    expect(f.title()).toBe('Đổi qua REST');
  });

  it('leaves the title a rename set when an edit the room applied before the rename is noticed after it', async () => {
    const f = fixture();
    f.reads.open();
    const frameBusy = gate();
    f.holdFrameWrites(frameBusy.opened);
    const renamed = f.sync.rename('r1', 'Đổi qua REST', audit);
    await Promise.resolve();
    // Typed before the server's change reaches the room, noticed while the rename waits for it.
    f.frame.set('subject', 'Gõ trước khi đổi');
    f.sync.noteStoredEdit('r1/frame', f.doc);
    frameBusy.open();
    await renamed;
    await f.drained();
    expect(f.frame.get('subject')).toBe('Đổi qua REST');
    expect(f.title()).toBe('Đổi qua REST');
    expect(f.renames).toEqual([['Đổi qua REST', 'report.renamed']]);
  });

  it('does nothing for an edit that leaves the subject as the title, or blank, or of another room', async () => {
    const f = fixture();
    f.reads.open();
    f.sync.known('r1', 'Tiêu đề đầu');
    f.sync.noteStoredEdit('r1/frame', f.doc);
    f.frame.set('subject', '  \n ');
    f.sync.noteStoredEdit('r1/frame', f.doc);
    f.sync.noteStoredEdit('r1/section/tham-muu', f.doc);
    await f.sync.followFrame('r2').catch(() => undefined);
    expect(f.renames).toEqual([]);
  });

  it('makes one line of a subject, in NFC, within the title’s length', () => {
    expect(titleOfSubject('  Báo cáo\n  sơ kết\t6 tháng ')).toBe('Báo cáo sơ kết 6 tháng');
    expect(titleOfSubject('Ba\u0301o ca\u0301o')).toBe('Báo cáo');
    expect(titleOfSubject('x'.repeat(600))).toHaveLength(500);
    expect(titleOfSubject(undefined)).toBe('');
  });
});
