/**
 * The housekeeping and audit parts of the Store contract (issue 10, items 6–7), called by
 * describeStoreContract in storeContract.ts so every implementation runs it: a report created, assigned,
 * renamed, archived or deleted with its audit entries, all or nothing; a deletion that takes every room of
 * its report and nothing of another, but leaves the audit entries; the workspace log read with filters and
 * pages.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../server/storage/reviewStore.js';
import type { ReportRecord, Store } from '../../../server/storage/store.js';
import type { OpenedStore } from './storeContract.js';

function report(id: string, status: ReportRecord['status'] = 'draft'): ReportRecord {
  return {
    id,
    title: `Báo cáo ${id}`,
    status,
    templateId: 'bao-cao-so-ket',
    docType: 'BÁO CÁO',
    createdAt: '2025-03-01T08:00:00.000Z',
    sections: [{ id: 'tham-muu', title: 'THAM MƯU', ownerDepartmentId: null }],
  };
}

const entry = (reportId: string | null, action: string, minute = 0, userId = 'u-office'): AuditRecord => ({
  reportId,
  at: `2025-06-30T03:${String(minute).padStart(2, '0')}:00.000Z`,
  userId,
  action,
  detail: { note: action },
});

const rooms = (id: string) =>
  new Map([
    [`${id}/frame`, Uint8Array.of(1)],
    [`${id}/review`, Uint8Array.of(2)],
    [`${id}/section/tham-muu`, Uint8Array.of(3)],
  ]);

export function describeHousekeepingStoreContract(opened: () => OpenedStore): void {
  const store = (): Store => opened().store;
  const actions = async (reportId: string) => (await store().listAudit(reportId)).map((record) => record.action);

  describe('housekeeping and the workspace audit log', () => {
    it('creates a report and assigns a section with their audit entries', async () => {
      await store().createReport(report('r1'), new Map(), [entry('r1', 'report.created')]);
      expect(await store().setSectionOwner('r1', 'tham-muu', 'd-noivu', entry('r1', 'section.assigned'))).toBe(true);
      expect(await store().setSectionOwner('r1', 'khong-co', 'd-noivu', entry('r1', 'section.assigned'))).toBe(false);
      expect(await actions('r1')).toEqual(['report.created', 'section.assigned']);
      // A report that cannot be stored takes its entries with it.
      await expect(store().createReport(report('r1'), new Map(), [entry('r1', 'report.created')])).rejects.toThrow();
      expect(await actions('r1')).toEqual(['report.created', 'section.assigned']);
    });

    it('renames a report unless it is issued, and archives and unarchives it, each with its entry', async () => {
      await store().createReport(report('r1'), new Map());
      await store().createReport(report('r2', 'issued'), new Map());
      expect(await store().renameReport('r1', 'Tên mới', entry('r1', 'report.renamed'))).toBe(true);
      expect(await store().renameReport('r1', 'Theo trích yếu', null)).toBe(true);
      expect(await store().renameReport('r2', 'Tên mới', entry('r2', 'report.renamed'))).toBe(false);
      expect(await store().renameReport('khong-co', 'Tên mới', entry('khong-co', 'report.renamed'))).toBe(false);
      expect((await store().getReport('r1'))?.title).toBe('Theo trích yếu');
      expect((await store().getReport('r2'))?.title).toBe('Báo cáo r2');

      expect(await store().setReportArchived('r2', { at: '2025-07-01T00:00:00.000Z', by: 'u-office' }, entry('r2', 'report.archived'))).toBe(true);
      expect((await store().getReport('r2'))?.archived).toEqual({ at: '2025-07-01T00:00:00.000Z', by: 'u-office' });
      expect((await store().listReports()).find((r) => r.id === 'r2')?.archived).toEqual({ at: '2025-07-01T00:00:00.000Z', by: 'u-office' });
      expect(await store().setReportArchived('r2', null, entry('r2', 'report.unarchived'))).toBe(true);
      expect((await store().getReport('r2'))?.archived).toBeUndefined();
      expect(await store().setReportArchived('khong-co', null, entry('khong-co', 'report.unarchived'))).toBe(false);
      expect(await actions('r1')).toEqual(['report.renamed']);
      expect(await actions('r2')).toEqual(['report.archived', 'report.unarchived']);
      expect(await actions('khong-co')).toEqual([]);
    });

    it('deletes a draft with every room of it and nothing of another, keeping its audit entries', async () => {
      // `r_1` and `r_10`: a pattern match on `r_1%` would take both.
      for (const id of ['r_1', 'r_10', 'r-2']) await store().createReport(report(id), rooms(id), [entry(id, 'report.created')]);
      await store().appendUpdate('r_1/section/tham-muu', Uint8Array.of(9));
      await store().createReport(report('r3', 'review'), rooms('r3'));
      expect(await store().deleteReport('r3', entry('r3', 'report.deleted'))).toBe(false);
      expect(await store().deleteReport('r_1', entry('r_1', 'report.deleted'))).toBe(true);
      expect(await store().deleteReport('r_1', entry('r_1', 'report.deleted'))).toBe(false);
      expect(await store().getReport('r_1')).toBeNull();
      for (const room of rooms('r_1').keys()) expect(await store().loadDocument(room)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      for (const id of ['r_10', 'r-2', 'r3']) {
        expect(await store().getReport(id), id).not.toBeNull();
        expect((await store().loadDocument(`${id}/frame`)).snapshot, id).not.toBeNull();
      }
      expect(await actions('r_1')).toEqual(['report.created', 'report.deleted']);
      expect(await actions('r3')).toEqual([]);

      // What a closing room appended after the deletion is removed afterwards.
      await store().appendUpdate('r_1/frame', Uint8Array.of(7));
      await store().deleteReportRooms('r_1');
      expect(await store().loadDocument('r_1/frame')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      expect((await store().loadDocument('r_10/frame')).snapshot).not.toBeNull();
    });

    it('reads the whole log newest first, filtered, in pages, with the total', async () => {
      await store().appendAudit([
        entry(null, 'signin.succeeded', 1, 'u-chair'),
        entry('r1', 'comment.created', 2),
        entry('r1', 'comment.replied', 3, 'u-chair'),
        entry('r2', 'commentary.created', 4),
        entry('r2', 'status.review', 5),
      ]);
      const read = async (query: Parameters<Store['queryAudit']>[0]) => {
        const { entries, total } = await store().queryAudit(query);
        return { actions: entries.map((record) => record.action), total };
      };
      expect(await read({ limit: 10 })).toEqual({ actions: ['status.review', 'commentary.created', 'comment.replied', 'comment.created', 'signin.succeeded'], total: 5 });
      expect(await read({ action: 'comment', limit: 10 })).toEqual({ actions: ['comment.replied', 'comment.created'], total: 2 });
      expect(await read({ action: 'comment.created', limit: 10 })).toEqual({ actions: ['comment.created'], total: 1 });
      expect(await read({ reportId: 'r2', limit: 10 })).toEqual({ actions: ['status.review', 'commentary.created'], total: 2 });
      expect(await read({ userId: 'u-chair', limit: 10 })).toEqual({ actions: ['comment.replied', 'signin.succeeded'], total: 2 });
      expect(await read({ from: '2025-06-30T03:02:00.000Z', to: '2025-06-30T03:04:00.000Z', limit: 10 })).toEqual({
        actions: ['comment.replied', 'comment.created'],
        total: 2,
      });
      const first = await store().queryAudit({ limit: 2 });
      const second = await store().queryAudit({ limit: 2, before: first.entries.at(-1)!.seq });
      expect([...first.entries, ...second.entries].map((record) => record.action)).toEqual(['status.review', 'commentary.created', 'comment.replied', 'comment.created']);
      expect(second.total).toBe(5);
      expect(first.entries[0]).toEqual({ seq: expect.any(Number), ...entry('r2', 'status.review', 5) });
    });
  });
}
