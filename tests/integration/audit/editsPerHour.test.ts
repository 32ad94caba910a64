/**
 * Edits per section per person per hour in the audit log (issue 10, item 6), with the server's clock
 * moved by the test: counted in memory as they are stored — nothing is written per edit — and written as
 * one entry per (report, section or frame, person, hour) once the hour is over, and at shutdown.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogEntry, AuditLogPage } from '../../../common/api/audit.js';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP } from '../../../common/rooms.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { makeDataDir } from '../../helpers/startServer.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { ok, startWorkflowServer, storedFrame, testClock, type WorkflowFixture, type Who } from '../workflow/support.js';

describe('edits per section per person per hour', () => {
  let dataDir: string;
  let f: WorkflowFixture;
  let report: Report;
  const clock = testClock('2025-06-30T03:15:00.000Z');
  beforeEach(async () => {
    clock.set('2025-06-30T03:15:00.000Z');
    dataDir = await makeDataDir();
    f = await startWorkflowServer({ clock, dataDir });
    report = await f.newReport();
  });
  afterEach(async () => {
    await f.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const edits = async (): Promise<AuditLogEntry[]> =>
    (await ok<AuditLogPage>(f.as('office', 'GET', `/api/audit?report=${report.id}&limit=500`))).entries.filter((entry) => /\.edited$/.test(entry.action));

  /** Appends `n` paragraphs as `who`, each one edit, and waits until the store has them all. */
  const type = async (who: Who, sectionId: string, n: number, word: string) => {
    const client = f.connect(who, report.id, `section/${sectionId}`);
    await client.synced();
    for (let i = 1; i <= n; i++) appendParagraph(client.doc, `${word} ${i}`);
    await waitFor(async () => (await storedText(f.server.store, `${report.id}/section/${sectionId}`)).includes(`${word} ${n}`), { what: `${word} stored` });
    return client;
  };

  const order = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    `${String(a.action)}${String(a.userId)}${String(a.hour)}`.localeCompare(`${String(b.action)}${String(b.userId)}${String(b.hour)}`);
  const summary = (entries: readonly AuditLogEntry[]): Array<Record<string, unknown>> =>
    entries.map(({ userId, action, at, detail }) => ({ userId, action, at, ...detail })).sort(order);

  it('writes one entry per section, person and hour once the hour is over, and the rest at shutdown', async () => {
    const noivu = await type('noivu', 'tham-muu', 3, 'Nội vụ');
    clock.set('2025-06-30T03:40:00.000Z');
    await type('vhtt', 'ket-qua', 2, 'Văn hóa');
    await type('office', 'tham-muu', 1, 'Văn phòng');
    const frame = f.connect('office', report.id, 'frame');
    await frame.synced();
    frame.doc.getMap(FRAME_MAP).set('signerName', 'Nguyễn Văn An');
    await waitFor(async () => (await storedFrame(f.server, report.id)).signerName === 'Nguyễn Văn An', { what: 'the frame edit stored' });
    // Within the hour, nothing is written: the counts are in memory.
    expect(await edits()).toEqual([]);

    // The next hour's first edit writes every count of the hour that is over.
    clock.set('2025-06-30T04:05:00.000Z');
    appendParagraph(noivu.doc, 'Giờ sau');
    await waitFor(async () => (await edits()).length === 4, { what: 'the counts of 03:00 written' });
    const hour = '2025-06-30T03:00:00.000Z';
    expect(summary(await edits())).toEqual([
      { userId: f.ids.office, action: 'frame.edited', at: '2025-06-30T03:40:00.000Z', hour, count: '1' },
      { userId: f.ids.noivu, action: 'section.edited', at: '2025-06-30T03:15:00.000Z', sectionId: 'tham-muu', hour, count: '3' },
      { userId: f.ids.office, action: 'section.edited', at: '2025-06-30T03:40:00.000Z', sectionId: 'tham-muu', hour, count: '1' },
      { userId: f.ids.vhtt, action: 'section.edited', at: '2025-06-30T03:40:00.000Z', sectionId: 'ket-qua', hour, count: '2' },
    ].sort(order));

    // The hour under way is written when the server stops.
    await waitFor(async () => (await storedText(f.server.store, `${report.id}/section/tham-muu`)).includes('Giờ sau'), { what: 'the 04:05 edit stored' });
    await f.close();
    const store = openSqliteStore(join(dataDir, 'dong-soan.sqlite'));
    try {
      const { entries } = await store.queryAudit({ reportId: report.id, action: 'section', limit: 100 });
      expect(entries.filter((entry) => entry.action === 'section.edited' && entry.detail.hour === '2025-06-30T04:00:00.000Z')).toEqual([
        expect.objectContaining({ userId: f.ids.noivu, at: '2025-06-30T04:05:00.000Z', detail: { sectionId: 'tham-muu', hour: '2025-06-30T04:00:00.000Z', count: '1' } }),
      ]);
    } finally {
      await store.close();
    }
  });

  it('counts what a person stores, not what they send: a reader’s sync writes nothing', async () => {
    const reader = f.connect('chair', report.id, 'section/tham-muu');
    await reader.synced();
    await type('noivu', 'tham-muu', 2, 'Nội vụ');
    clock.set('2025-06-30T05:00:00.000Z');
    await type('vhtt', 'ket-qua', 1, 'Sau');
    await waitFor(async () => (await edits()).length === 1, { what: 'the counts of 03:00 written' });
    expect(summary(await edits())).toEqual([
      expect.objectContaining({ userId: f.ids.noivu, sectionId: 'tham-muu', count: '2', hour: '2025-06-30T03:00:00.000Z' }),
    ]);
  });
});
