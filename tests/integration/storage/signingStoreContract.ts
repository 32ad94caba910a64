/**
 * The signing part of the Store contract (issue 10, items 3–4), called by describeStoreContract in
 * storeContract.ts so every implementation runs it: an issued report's PDF stored once — the first one kept
 * whoever stores another — and byte for byte, with its audit entry; signed copies kept in order, the newest
 * current, each with its audit entry; nothing of either for a report that is not issued.
 */
import { describe, expect, it } from 'vitest';
import type { PdfSignature } from '../../../common/api/signedCopy.js';
import type { ReportStatus } from '../../../common/report.js';
import type { AuditRecord } from '../../../server/storage/reviewStore.js';
import type { IssuedPdfRecord, SignedCopyRecord } from '../../../server/storage/signingStore.js';
import type { Store } from '../../../server/storage/store.js';
import type { OpenedStore } from './storeContract.js';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256);
const hex = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString('hex') : null);

const audit = (reportId: string, action: string, at = '2025-07-01T02:00:00.000Z'): AuditRecord => ({ reportId, at, userId: 'u-office', action, detail: { note: action } });

function pdf(reportId: string, seed: number): IssuedPdfRecord {
  return { reportId, sha256: String(seed).padStart(64, '0'), pdf: bytes(5000, seed), renderedAt: '2025-07-01T02:00:00.000Z', renderedBy: 'u-noivu' };
}

const SIGNATURE: PdfSignature = {
  signerName: 'Nguyễn Văn A',
  organization: 'UBND xã Mỹ An',
  signedAt: '2025-06-30T03:00:00.000Z',
  valid: true,
  coversWholeFile: true,
  chainTrust: 'unknown',
};

function copy(reportId: string, seed: number, size = 4000): SignedCopyRecord {
  return {
    reportId,
    sha256: String(seed).padStart(64, 'a'),
    size,
    fileName: `Bản đã ký ${seed}.pdf`,
    contentType: 'application/pdf',
    uploadedBy: 'u-office',
    uploadedByName: 'Nguyễn Thị Thu',
    uploadedAt: `2025-07-0${seed}T02:00:00.000Z`,
    signatures: seed % 2 === 1 ? [SIGNATURE] : [],
    data: bytes(size, seed),
  };
}

/** Registers the tests; `opened()` is the fresh store of the current test. */
export function describeSigningStoreContract(opened: () => OpenedStore): void {
  const store = (): Store => opened().store;
  const withReport = async (id: string, status: ReportStatus) => {
    const record = { id, title: `Báo cáo ${id}`, status, templateId: 'bao-cao-so-ket', docType: 'BÁO CÁO', createdAt: '2025-03-01T08:00:00.000Z', sections: [] };
    await store().createReport(record, new Map());
    return id;
  };
  const actions = async (reportId: string) => (await store().listAudit(reportId)).map((entry) => entry.action);

  describe('signing', () => {
    it('stores an issued report’s PDF once, byte for byte with its audit entry: a second one leaves the first', async () => {
      const r = await withReport('r1', 'issued');
      expect(await store().getIssuedPdf(r)).toBeNull();
      const first = pdf(r, 1);
      const stored = await store().storeIssuedPdf(first, audit(r, 'export.pdf'));
      expect(hex(stored?.pdf)).toBe(hex(first.pdf));
      expect(await store().storeIssuedPdf(pdf(r, 2), audit(r, 'export.pdf'))).toMatchObject({ sha256: first.sha256, renderedBy: 'u-noivu' });
      const read = await store().getIssuedPdf(r);
      expect(read).toMatchObject({ reportId: r, sha256: first.sha256, renderedAt: first.renderedAt });
      expect(hex(read?.pdf)).toBe(hex(first.pdf));
      expect(await actions(r)).toEqual(['export.pdf']);
    });

    it('stores no PDF and no signed copy for a report that is not issued, nor for one that does not exist', async () => {
      for (const status of ['draft', 'review', 'approved'] as const) {
        const r = await withReport(`r-${status}`, status);
        expect(await store().storeIssuedPdf(pdf(r, 1), audit(r, 'export.pdf'))).toBeNull();
        expect(await store().addSignedCopy(copy(r, 1), audit(r, 'signed.uploaded'))).toBe(false);
        expect(await store().getIssuedPdf(r)).toBeNull();
        expect(await store().getSignedCopy(r)).toBeNull();
        expect(await store().listSignedCopies(r)).toEqual([]);
        expect(await actions(r)).toEqual([]);
      }
      expect(await store().addSignedCopy(copy('khong-co', 1), audit('khong-co', 'signed.uploaded'))).toBe(false);
    });

    it('keeps every signed copy in order, the newest current, each with its audit entry, and gives the bytes back unchanged', async () => {
      const r = await withReport('r1', 'issued');
      const first = copy(r, 1);
      const second = copy(r, 2, 3 * 1024 * 1024);
      expect(await store().addSignedCopy(first, audit(r, 'signed.uploaded', first.uploadedAt))).toBe(true);
      expect(await store().addSignedCopy(second, audit(r, 'signed.uploaded', second.uploadedAt))).toBe(true);

      const current = await store().getSignedCopy(r);
      const { data: _data, reportId: _reportId, ...described } = second;
      expect(current).toMatchObject({ ...described, reportId: r });
      expect(hex(current?.data)).toBe(hex(second.data));
      const { data: _first, reportId: _r, ...firstDescribed } = first;
      expect(await store().listSignedCopies(r)).toEqual([described, firstDescribed]);
      expect(await actions(r)).toEqual(['signed.uploaded', 'signed.uploaded']);
    });

    it('keeps the PDF and the signed copies across a restart', async () => {
      const r = await withReport('r1', 'issued');
      const file = pdf(r, 3);
      const signed = copy(r, 3);
      await store().storeIssuedPdf(file, audit(r, 'export.pdf'));
      await store().addSignedCopy(signed, audit(r, 'signed.uploaded'));
      await store().close();
      const again = await opened().reopen();
      expect(hex((await again.getIssuedPdf(r))?.pdf)).toBe(hex(file.pdf));
      expect(hex((await again.getSignedCopy(r))?.data)).toBe(hex(signed.data));
      expect((await again.listSignedCopies(r)).map((entry) => entry.signatures)).toEqual([[SIGNATURE]]);
    });
  });
}
