/**
 * Issuing is all or nothing (issue 10, item 2): when the final Word file cannot be built, or the store
 * refuses to record the issue, the report stays approved, its frame keeps its blank number and date, its
 * rooms stay writable for the writers connected during the attempt and for new ones, and nothing of the
 * issue is stored — after which issuing again succeeds.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NextNumber, Version } from '../../../common/api/workflow.js';
import type { Report } from '../../../common/report.js';
import { FRAME_MAP, sectionRoom } from '../../../common/rooms.js';
import { defaultConfig } from '../../../server/config.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import { faultyStore, type FaultyStore } from '../../helpers/faultyStore.js';
import { appendParagraph } from '../../helpers/sectionText.js';
import { makeDataDir } from '../../helpers/startServer.js';
import { storedText } from '../../helpers/storedDoc.js';
import { waitFor } from '../../helpers/waitFor.js';
import { auditActions, ok, refused, startWorkflowServer, storedFrame, type WorkflowFixture } from './support.js';

describe('an issue that fails', () => {
  let f: WorkflowFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  /** Everything issuing would change, as it is now. */
  async function state(fixture: WorkflowFixture, reportId: string) {
    return {
      report: await ok<Report>(fixture.as('office', 'GET', `/api/reports/${reportId}`)),
      frame: await storedFrame(fixture.server, reportId),
      audit: await auditActions(fixture, reportId),
      versions: await ok<Version[]>(fixture.as('office', 'GET', `/api/reports/${reportId}/versions`)),
      next: await ok<NextNumber>(fixture.as('office', 'GET', `/api/reports/${reportId}/next-number`)),
      issuedFile: await fixture.server.store.getIssuedFile(reportId),
    };
  }

  /** Writers connected before the attempt still write, and so do new ones; each write is stored. */
  async function expectWritable(fixture: WorkflowFixture, reportId: string, connected: ReturnType<WorkflowFixture['connect']>) {
    appendParagraph(connected.doc, 'Viết sau lần ban hành hỏng.');
    await waitFor(async () => (await storedText(fixture.server.store, sectionRoom(reportId, 'tham-muu'))).includes('lần ban hành hỏng'));
    const frame = fixture.connect('office', reportId, 'frame');
    await frame.synced();
    frame.doc.getMap(FRAME_MAP).set('signerName', 'Trương Thị Diệp');
    await waitFor(async () => (await storedFrame(fixture.server, reportId)).signerName === 'Trương Thị Diệp');
    expect(connected.provider.wsconnected).toBe(true);
  }

  it('leaves the report approved and writable when its Word file cannot be built', async () => {
    // Over the export's size limit: the file is refused (413), as a worker's failure would be (500).
    f = await startWorkflowServer({ config: { export: { ...defaultConfig().export, maxStoredBytes: 64 } } });
    const report = await f.newReport();
    await f.bringTo(report.id, 'approved');
    const writer = f.connect('noivu', report.id, 'section/tham-muu');
    await writer.synced();
    const before = await state(f, report.id);

    await refused(f.move('office', report.id, 'issued', { number: 9, date: '2025-07-01' }), 413, 'export_too_large');

    expect(await state(f, report.id)).toEqual(before);
    expect(before.report.status).toBe('approved');
    expect(before.frame).toMatchObject({ number: '', date: '' });
    await expectWritable(f, report.id, writer);
  });

  it('leaves the report approved and writable when the store refuses to record the issue, and issues it on the next try', async () => {
    const dataDir = await makeDataDir();
    const faulty: FaultyStore = faultyStore(openSqliteStore(join(dataDir, 'dong-soan.sqlite')));
    f = await startWorkflowServer({ dataDir, store: faulty.store });
    try {
      const report = await f.newReport();
      await f.bringTo(report.id, 'approved');
      const writer = f.connect('noivu', report.id, 'section/tham-muu');
      await writer.synced();
      const before = await state(f, report.id);

      faulty.failNext('changeStatus');
      await refused(f.move('office', report.id, 'issued', { number: 9 }), 500, 'internal_error');

      expect(await state(f, report.id)).toEqual(before);
      await expectWritable(f, report.id, writer);

      const issued = await ok<Report>(f.move('office', report.id, 'issued', { number: 9 }));
      expect(issued).toMatchObject({ status: 'issued', number: '09' });
      expect(await storedFrame(f.server, report.id)).toMatchObject({ number: '09', signerName: 'Trương Thị Diệp' });
    } finally {
      await f.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
