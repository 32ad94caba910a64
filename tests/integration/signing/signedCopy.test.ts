/**
 * The signed copy of an issued report (issue 10, item 4) against a real server: the office uploads the
 * signed file — a PDF signed in the test with a self-signed certificate, or a PNG scan — and every reader
 * downloads exactly those bytes with their SHA-256; the signer's name and whether the signature verifies
 * and covers the whole file; each upload kept, audited and mirrored into the review room; a file too large,
 * of another type, or for a report not issued refused with a clear message, storing nothing.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SignedCopy, SignedCopyInfo } from '../../../common/api/signedCopy.js';
import type { Report } from '../../../common/report.js';
import { REVIEW_STATE_MAP } from '../../../common/rooms.js';
import { MAX_SIGNED_COPY_BYTES, SIGNED_SHA256_KEY } from '../../../common/signedCopy.js';
import { pngScan } from '../../helpers/scanImage.js';
import { makeSigningIdentity, signedPdf, unsignedPdf, type SigningIdentity } from '../../helpers/signedPdf.js';
import { waitFor } from '../../helpers/waitFor.js';
import { refused, startWorkflowServer, type WorkflowFixture } from '../workflow/support.js';
import { download, issuedReport, ok, sha256, streamOf, upload } from './support.js';

const SIGNER = {
  signerName: 'Nguyễn Văn A',
  organization: 'UBND xã Mỹ An',
  signedAt: '2025-06-30T03:00:00.000Z',
  chainTrust: 'unknown',
};

describe('the signed copy', () => {
  let identity: SigningIdentity;
  let f: WorkflowFixture;
  let report: Report;
  beforeAll(async () => {
    identity = await makeSigningIdentity();
  });
  beforeEach(async () => {
    f = await startWorkflowServer();
    report = await issuedReport(f);
  });
  afterEach(async () => {
    await f.close();
  });

  const signedPath = () => `/api/reports/${report.id}/signed`;
  const info = (who: 'office' | 'noivu' | 'vhtt' | 'chair' = 'office') => ok<SignedCopyInfo>(f.as(who, 'GET', `${signedPath()}/info`));
  const uploads = async () => (await ok<Array<{ action: string }>>(f.as('office', 'GET', `/api/reports/${report.id}/audit`))).filter((entry) => entry.action === 'signed.uploaded');

  it('stores a signed PDF byte for byte with its SHA-256, names its signer, and every reader downloads the same bytes', async () => {
    const review = f.connect('vhtt', report.id, 'review');
    await review.synced();
    const pdf = await signedPdf(identity);

    const copy = await ok<SignedCopy>(upload(f, 'office', report.id, pdf, { name: 'Báo cáo đã ký.pdf' }));
    expect(copy).toEqual({
      sha256: sha256(pdf),
      size: pdf.byteLength,
      fileName: 'Báo cáo đã ký.pdf',
      contentType: 'application/pdf',
      uploadedBy: f.ids.office,
      uploadedByName: 'Nguyễn Thị Thu',
      uploadedAt: f.clock.now().toISOString(),
      signatures: [{ ...SIGNER, valid: true, coversWholeFile: true }],
    });

    for (const who of ['office', 'admin', 'chair', 'noivu', 'vhtt'] as const) {
      const { bytes, headers } = await download(f, who, signedPath());
      expect(Buffer.from(bytes).equals(Buffer.from(pdf)), who).toBe(true);
      expect(headers.get('x-content-sha256')).toBe(copy.sha256);
      expect(headers.get('content-type')).toBe('application/pdf');
      expect(headers.get('content-disposition')).toBe(`attachment; filename="Bao cao da ky.pdf"; filename*=UTF-8''${encodeURIComponent('Báo cáo đã ký.pdf')}`);
    }
    expect(await info('noivu')).toEqual({ current: copy, earlier: [] });

    const entries = await ok<Array<{ action: string; userId: string; detail: Record<string, string> }>>(f.as('chair', 'GET', `/api/reports/${report.id}/audit`));
    expect(entries.at(-1)).toEqual(
      expect.objectContaining({
        action: 'signed.uploaded',
        userId: f.ids.office,
        detail: { sha256: copy.sha256, size: String(pdf.byteLength), fileName: 'Báo cáo đã ký.pdf', contentType: 'application/pdf', signedBy: 'Nguyễn Văn A' },
      }),
    );
    // Every open page learns of it from the review room.
    await waitFor(() => review.doc.getMap(REVIEW_STATE_MAP).get(SIGNED_SHA256_KEY) === copy.sha256, { what: 'the review room naming the copy' });
  });

  it('reads the signature wherever its dictionary puts /Contents', async () => {
    const pdf = await signedPdf(identity, { contentsFirst: true });
    const copy = await ok<SignedCopy>(upload(f, 'office', report.id, pdf));
    expect(copy.signatures).toEqual([{ ...SIGNER, valid: true, coversWholeFile: true }]);
  });

  it('says the signature no longer covers the whole file when bytes were appended after signing', async () => {
    const pdf = await signedPdf(identity);
    const updated = Buffer.concat([pdf, Buffer.from('\n4 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n%%EOF\n', 'latin1')]);
    const copy = await ok<SignedCopy>(upload(f, 'office', report.id, updated));
    expect(copy.signatures).toEqual([{ ...SIGNER, valid: true, coversWholeFile: false }]);
    expect(copy.sha256).toBe(sha256(updated));
  });

  it('says the signature is not valid when a byte it signed was changed', async () => {
    const pdf = Buffer.from(await signedPdf(identity, { text: 'Khen thuong 12 tap the' }));
    pdf[pdf.indexOf('12 tap the', 0, 'latin1')] = '9'.charCodeAt(0);
    const copy = await ok<SignedCopy>(upload(f, 'office', report.id, pdf));
    expect(copy.signatures).toEqual([{ ...SIGNER, valid: false, coversWholeFile: true }]);
    // Stored all the same: it is what the office has; the page says the signature does not hold.
    expect(Buffer.from((await download(f, 'noivu', signedPath())).bytes).equals(pdf)).toBe(true);
  });

  it('accepts a PNG scan and an unsigned PDF, neither with a signature, whatever type the browser declared', async () => {
    const scan = pngScan();
    const asPng = await ok<SignedCopy>(upload(f, 'office', report.id, scan, { type: 'image/png', name: 'scan-trang-1.png' }));
    expect(asPng).toMatchObject({ contentType: 'image/png', fileName: 'scan-trang-1.png', signatures: [], sha256: sha256(scan) });
    const { bytes, headers } = await download(f, 'chair', signedPath());
    expect(Buffer.from(bytes).equals(Buffer.from(scan))).toBe(true);
    expect(headers.get('content-type')).toBe('image/png');

    // A browser that does not know the extension sends application/octet-stream: the bytes decide.
    const unknown = await ok<SignedCopy>(upload(f, 'office', report.id, pngScan(32, 32, 2), { type: 'application/octet-stream', name: 'scan' }));
    expect(unknown).toMatchObject({ contentType: 'image/png', fileName: 'scan.png', signatures: [] });
    const plain = await ok<SignedCopy>(upload(f, 'office', report.id, unsignedPdf(), { type: null, name: null }));
    expect(plain).toMatchObject({ contentType: 'application/pdf', fileName: 'ban-da-ky.pdf', signatures: [] });
  });

  it('replaces the current copy on a new upload, keeping the earlier ones, each in the audit log', async () => {
    const first = await ok<SignedCopy>(upload(f, 'office', report.id, await signedPdf(identity)));
    f.clock.set('2025-07-01T02:00:00.000Z');
    const scan = pngScan(80, 60, 3);
    const second = await ok<SignedCopy>(upload(f, 'admin', report.id, scan, { type: 'image/png', name: 'ban-quet.png' }));
    expect(second.uploadedAt).toBe('2025-07-01T02:00:00.000Z');

    expect(Buffer.from((await download(f, 'vhtt', signedPath())).bytes).equals(Buffer.from(scan))).toBe(true);
    expect(await info('vhtt')).toEqual({ current: second, earlier: [first] });
    expect((await uploads()).length).toBe(2);
  });

  it('cleans the file name: no folders, control characters or quotes, NFC, with the extension of its type', async () => {
    const names: Array<[string | undefined, string, string]> = [
      [encodeURIComponent('../../etc/Báo cáo\u0007 "ký".pdf'), 'application/pdf', 'Báo cáo ký.pdf'],
      [encodeURIComponent('Ba\u0301o ca\u0301o.PDF'), 'application/pdf', 'Báo cáo.PDF'],
      [encodeURIComponent('C:\\Users\\vp\\scan\u202Egnp.exe'), 'image/png', 'scan gnp.exe.png'],
      ['%E0%A4%A', 'application/pdf', '%E0%A4%A.pdf'],
      // Cut at 150 characters, the extension kept.
      [encodeURIComponent(`${'dài '.repeat(100)}.pdf`), 'application/pdf', `${'dài '.repeat(36)}dà.pdf`],
    ];
    for (const [rawName, type, expected] of names) {
      const body = type === 'image/png' ? pngScan() : unsignedPdf();
      const copy = await ok<SignedCopy>(upload(f, 'office', report.id, body, { type, rawName }));
      expect(copy.fileName, rawName).toBe(expected);
    }
  });

  it('refuses a file over 50 MB (413) whether it declares its length or only streams it, storing nothing', async () => {
    const head = new TextEncoder().encode('%PDF-1.7\n');
    const declared = new Uint8Array(51 * 1024 * 1024);
    declared.set(head);
    const error = await refused(upload(f, 'office', report.id, declared), 413, 'file_too_large');
    expect(error.message).toContain('50 MB');

    const streamed = streamOf(head, 51 * 1024 * 1024);
    await refused(upload(f, 'office', report.id, streamed.stream), 413, 'file_too_large');
    expect(streamed.sent()).toBeGreaterThan(MAX_SIGNED_COPY_BYTES);

    // Exactly the limit is allowed: the check is "over", not "at".
    const atLimit = new Uint8Array(MAX_SIGNED_COPY_BYTES);
    atLimit.set(head);
    await refused(f.as('office', 'GET', signedPath()), 404, 'no_signed_copy');
    expect(await ok<SignedCopy>(upload(f, 'office', report.id, atLimit))).toMatchObject({ size: MAX_SIGNED_COPY_BYTES, signatures: [] });
    expect((await uploads()).length).toBe(1);
  });

  it('refuses a Word file, a text file, an empty one and a file that is not what it says (415/400), storing nothing', async () => {
    const docx = (await download(f, 'office', `/api/reports/${report.id}/export.docx`)).bytes;
    const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const refusals: Array<[Uint8Array<ArrayBuffer>, string | null, number, string]> = [
      [docx, wordType, 415, 'unsupported_file_type'],
      [docx, 'application/pdf', 415, 'unsupported_file_type'],
      [docx, 'application/octet-stream', 415, 'unsupported_file_type'],
      [new TextEncoder().encode('Báo cáo đã ký'), 'text/plain', 415, 'unsupported_file_type'],
      [new TextEncoder().encode('%PDF'), 'application/pdf', 415, 'unsupported_file_type'],
      [pngScan(), 'application/pdf', 415, 'unsupported_file_type'],
      [new Uint8Array(0), 'application/pdf', 400, 'empty_file'],
    ];
    for (const [body, type, status, code] of refusals) {
      const error = await refused(upload(f, 'office', report.id, body, { type }), status, code);
      if (status === 415) expect(error.message).toMatch(/PDF.*PNG.*JPEG.*TIFF/);
    }
    const mismatch = await refused(upload(f, 'office', report.id, pngScan(), { type: 'application/pdf' }), 415, 'unsupported_file_type');
    expect(mismatch.message).toContain('image/png');
    expect(await info()).toEqual({ current: null, earlier: [] });
    expect(await uploads()).toEqual([]);
  });

  it('refuses an upload to a report that is not issued (409) and by anyone but the office (403), storing nothing', async () => {
    const pdf = await signedPdf(identity);
    for (const status of ['draft', 'review', 'approved'] as const) {
      const other = await f.newReport(`Báo cáo ${status}`);
      await f.bringTo(other.id, status);
      const error = await refused(upload(f, 'office', other.id, pdf), 409, 'not_issued');
      expect(error.message).toContain('chưa ban hành');
      await refused(f.as('office', 'GET', `/api/reports/${other.id}/signed`), 404, 'no_signed_copy');
    }
    for (const who of ['chair', 'noivu', 'vhtt', 'stranger'] as const) await refused(upload(f, who, report.id, pdf), 403, 'forbidden');
    expect(await info()).toEqual({ current: null, earlier: [] });
    expect(await uploads()).toEqual([]);
  });
});
