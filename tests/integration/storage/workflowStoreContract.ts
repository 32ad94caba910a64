/**
 * The workflow part of the Store contract (issue 10), called by describeStoreContract in storeContract.ts
 * so every implementation runs it: a status change stored with its audit entry and version only from the
 * status it expects, an issue whose number is unique per symbol and year (all or nothing), an issued
 * report's file given back byte for byte and its status final, versions newest first with their rooms.
 */
import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../../common/report.js';
import type { AuditRecord } from '../../../server/storage/reviewStore.js';
import type { ReportRecord, Store } from '../../../server/storage/store.js';
import { NumberTakenError, type IssueRecord, type StatusChange, type VersionRecord } from '../../../server/storage/workflowStore.js';
import type { OpenedStore } from './storeContract.js';

function report(id: string): ReportRecord {
  return {
    id,
    title: `Báo cáo ${id}`,
    status: 'draft',
    templateId: 'bao-cao-so-ket',
    docType: 'BÁO CÁO',
    createdAt: '2025-03-01T08:00:00.000Z',
    sections: [{ id: 'tham-muu', title: 'THAM MƯU', ownerDepartmentId: 'd-noivu' }],
  };
}

const at = (minute: number) => `2025-06-30T03:${String(minute).padStart(2, '0')}:00.000Z`;

function version(id: string, reportId: string, status: ReportStatus, minute = 0, kind: 'status' | 'manual' = 'status'): VersionRecord {
  return {
    id,
    reportId,
    label: `Phiên bản ${id}`,
    kind,
    status,
    createdAt: at(minute),
    createdBy: 'u-office',
    createdByName: 'Nguyễn Thị Thu',
    rooms: new Map([
      [`${reportId}/frame`, Uint8Array.of(1, 2, 3)],
      [`${reportId}/section/tham-muu`, Uint8Array.of(0, 255, 7, 9)],
    ]),
  };
}

const audit = (reportId: string, action: string): AuditRecord => ({ reportId, at: at(0), userId: 'u-office', action, detail: { note: action } });

function issue(reportId: string, number: number, overrides: Partial<IssueRecord> = {}): IssueRecord {
  const docx = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7 + number) % 256);
  return {
    reportId,
    symbol: 'BC-UBND',
    year: 2025,
    number,
    date: '2025-06-30',
    issuedAt: at(5),
    issuedBy: 'u-office',
    sha256: 'ab'.repeat(32),
    disposition: 'attachment; filename="BC-UBND.docx"',
    docx,
    ...overrides,
  };
}

const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : null);

/** Registers the tests; `opened()` is the fresh store of the current test. */
export function describeWorkflowStoreContract(opened: () => OpenedStore): void {
  const store = (): Store => opened().store;
  const withReport = async (id: string, status: ReportStatus = 'draft') => {
    await store().createReport({ ...report(id), status }, new Map());
    return id;
  };
  const change = (reportId: string, from: ReportStatus, to: ReportStatus, extra: Partial<StatusChange> = {}): StatusChange => ({
    reportId,
    from,
    to,
    audit: audit(reportId, `status.${to}`),
    version: version(`v-${reportId}-${to}`, reportId, to),
    ...extra,
  });
  const actions = async (reportId: string) => (await store().listAudit(reportId)).map((entry) => entry.action);

  describe('workflow', () => {
    it('changes a status only from the status it expects, with its audit entry and version, all or nothing', async () => {
      const r = await withReport('r1');
      expect(await store().changeStatus(change(r, 'review', 'approved'))).toBe(false);
      expect(await store().changeStatus(change('r-khong-co', 'draft', 'review'))).toBe(false);
      expect(await store().changeStatus(change(r, 'draft', 'review'))).toBe(true);
      expect((await store().getReport(r))?.status).toBe('review');
      expect(await actions(r)).toEqual(['status.review']);
      expect((await store().listVersions(r)).map((entry) => entry.id)).toEqual(['v-r1-review']);
      // A version id taken already: nothing of the change is kept.
      await expect(store().changeStatus(change(r, 'review', 'draft', { version: version('v-r1-review', r, 'draft') }))).rejects.toThrow();
      expect((await store().getReport(r))?.status).toBe('review');
      expect(await actions(r)).toEqual(['status.review']);
    });

    it('issues with a number unique per symbol and year, and gives the file back byte for byte', async () => {
      const first = await withReport('r1', 'approved');
      const second = await withReport('r2', 'approved');
      const record = issue(first, 5);
      expect(await store().changeStatus(change(first, 'approved', 'issued', { issue: record }))).toBe(true);
      const issued = await store().getReport(first);
      const { docx: _docx, disposition: _disposition, ...summary } = record;
      expect(issued).toMatchObject({ status: 'issued', issue: summary });
      expect((await store().listReports()).find((entry) => entry.id === first)?.issue).toEqual(summary);
      expect((await store().getReport(second))?.issue).toBeUndefined();
      const file = await store().getIssuedFile(first);
      expect(hex(file?.docx)).toBe(hex(record.docx));
      expect(file).toMatchObject({ sha256: record.sha256, disposition: record.disposition });
      expect(await store().getIssuedFile(second)).toBeNull();
      expect(await store().lastIssuedNumber('BC-UBND', 2025)).toBe(5);
      expect(await store().numberHolder('BC-UBND', 2025, 5)).toBe(first);
      expect(await store().numberHolder('BC-UBND', 2025, 6)).toBeNull();

      await expect(store().changeStatus(change(second, 'approved', 'issued', { issue: issue(second, 5) }))).rejects.toBeInstanceOf(NumberTakenError);
      expect(await store().getReport(second)).toMatchObject({ status: 'approved' });
      expect(await store().listVersions(second)).toEqual([]);
      expect(await store().listAudit(second)).toEqual([]);
      // Another year, or another symbol, is another sequence.
      expect(await store().changeStatus(change(second, 'approved', 'issued', { issue: issue(second, 5, { year: 2026, date: '2026-01-02' }) }))).toBe(true);
      expect(await store().lastIssuedNumber('BC-UBND', 2026)).toBe(5);
      expect(await store().lastIssuedNumber('BC-VP', 2025)).toBe(0);
    });

    it('keeps an issued report issued: its status changes no more', async () => {
      const r = await withReport('r1', 'approved');
      await store().changeStatus(change(r, 'approved', 'issued', { issue: issue(r, 1) }));
      expect(await store().changeStatus(change(r, 'approved', 'draft'))).toBe(false);
      await expect(store().changeStatus(change(r, 'issued', 'draft'))).rejects.toThrow();
      expect((await store().getReport(r))?.status).toBe('issued');
    });

    it('refuses an issue record without the move to issued, and a move to issued without one', async () => {
      const r = await withReport('r1', 'approved');
      await expect(store().changeStatus(change(r, 'approved', 'issued'))).rejects.toThrow();
      await expect(store().changeStatus(change(r, 'approved', 'draft', { issue: issue(r, 1) }))).rejects.toThrow();
      expect((await store().getReport(r))?.status).toBe('approved');
    });

    it('lists versions newest first and gives each back with its rooms, byte for byte', async () => {
      const r = await withReport('r1');
      const other = await withReport('r2');
      await store().changeStatus(change(r, 'draft', 'review'));
      await store().createVersion(version('v-manual', r, 'review', 9, 'manual'), audit(r, 'version.created'));
      await store().createVersion(version('v-other', other, 'draft'), audit(other, 'version.created'));
      expect((await store().listVersions(r)).map(({ id, kind, status }) => [id, kind, status])).toEqual([
        ['v-manual', 'manual', 'review'],
        ['v-r1-review', 'status', 'review'],
      ]);
      const { rooms, ...summary } = version('v-manual', r, 'review', 9, 'manual');
      const stored = await store().getVersion(r, 'v-manual');
      expect(stored).toMatchObject(summary);
      expect([...stored!.rooms].map(([room, state]) => [room, hex(state)])).toEqual([...rooms].map(([room, state]) => [room, hex(state)]));
      expect(await store().getVersion(other, 'v-manual')).toBeNull();
      expect(await actions(r)).toEqual(['status.review', 'version.created']);
      await expect(store().createVersion(version('v-x', 'r-khong-co', 'draft'), audit('r-khong-co', 'version.created'))).rejects.toThrow();
    });
  });
}
