/**
 * Reading a PDF's signatures (server/signing/pdfSignature.ts) from files signed in the test: the signer's
 * name and organisation, the signing time, whether it verifies and covers the whole file, wherever the
 * dictionary puts its entries; and hostile bytes — truncated files, garbage in /Contents, byte ranges past
 * the end or too large to be numbers, an embedded content that is not what was signed, thousands of fake
 * /ByteRange keys, random damage — that never throw and never give a valid signature they should not.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../common/seededRandom.js';
import { findSignatureFields, MAX_SIGNATURES, pdfDate, readPdfSignatures } from '../../../../server/signing/pdfSignature.js';
import { makeSigningIdentity, signature, signedPdf, unsignedPdf, type SigningIdentity } from '../../../helpers/signedPdf.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** The file with `from` replaced by `to` (same length, so the byte range still lines up). */
function replaced(bytes: Uint8Array, from: RegExp, to: (match: string) => string): Uint8Array {
  const text = latin1(bytes);
  const result = text.replace(from, (match) => {
    const replacement = to(match);
    expect(replacement.length).toBe(match.length);
    return replacement;
  });
  expect(result).not.toBe(text);
  return fromLatin1(result);
}

const SIGNER = { signerName: 'Nguyễn Văn A', organization: 'UBND xã Mỹ An', signedAt: '2025-06-30T03:00:00.000Z', chainTrust: 'unknown' };

describe('reading the signatures of a PDF', () => {
  let identity: SigningIdentity;
  let pdf: Uint8Array;
  beforeAll(async () => {
    identity = await makeSigningIdentity();
    pdf = await signedPdf(identity);
  });

  it('names the signer, verifies the signature and finds that it covers the whole file', async () => {
    expect(await readPdfSignatures(pdf)).toEqual([{ ...SIGNER, valid: true, coversWholeFile: true }]);
    expect(await readPdfSignatures(await signedPdf(identity, { contentsFirst: true }))).toEqual([{ ...SIGNER, valid: true, coversWholeFile: true }]);
  });

  it('finds nothing in an unsigned PDF', async () => {
    expect(await readPdfSignatures(unsignedPdf())).toEqual([]);
  });

  it('takes the time the signer signed, else the /M entry the signing tool wrote', async () => {
    const other = await makeSigningIdentity({ commonName: 'Trần Thị B', organization: 'Văn phòng HĐND và UBND' });
    const later = await signedPdf(other, { signingTime: new Date('2025-07-01T08:30:00Z') });
    expect(await readPdfSignatures(later)).toEqual([
      { signerName: 'Trần Thị B', organization: 'Văn phòng HĐND và UBND', signedAt: '2025-07-01T08:30:00.000Z', valid: true, coversWholeFile: true, chainTrust: 'unknown' },
    ]);
    // No signing-time attribute: /M (D:20250630100000+07'00').
    const untimed = await signedPdf(identity, { cms: (signed) => signature(identity, signed, null) });
    expect(await readPdfSignatures(untimed)).toEqual([{ ...SIGNER, signedAt: '2025-06-30T03:00:00.000Z', valid: true, coversWholeFile: true }]);
    expect(pdfDate("D:20250630100000+07'00'")).toBe('2025-06-30T03:00:00.000Z');
    expect(pdfDate('D:20250630100000Z')).toBe('2025-06-30T10:00:00.000Z');
    expect(pdfDate('D:2025')).toBe('2025-01-01T00:00:00.000Z');
    expect(pdfDate('D:20251399')).toBeNull();
    expect(pdfDate('hôm qua')).toBeNull();
  });

  it('finds a dictionary whose /ByteRange follows nested dictionaries', async () => {
    const nested = await signedPdf(identity, { entries: '/Prop_Build << /Filter << /Name /Adobe.PPKLite /R 131104 >> /App << /Name (Ky so) >> >> /Reason (<<Phe duyet>>)' });
    expect(await readPdfSignatures(nested)).toEqual([{ ...SIGNER, valid: true, coversWholeFile: true }]);
  });

  it('does not count an embedded content as signing the file, unless it is the SHA-1 of the signed bytes (adbe.pkcs7.sha1)', async () => {
    const other = await signedPdf(identity, { cms: (signed) => signature(identity, new TextEncoder().encode('một văn bản khác'), new Date(), true) });
    expect(await readPdfSignatures(other)).toEqual([expect.objectContaining({ signerName: 'Nguyễn Văn A', valid: false })]);

    const sha1 = await signedPdf(identity, {
      subFilter: 'adbe.pkcs7.sha1',
      cms: (signed) => signature(identity, createHash('sha1').update(signed).digest(), new Date('2025-06-30T03:00:00Z'), true),
    });
    expect(await readPdfSignatures(sha1)).toEqual([{ ...SIGNER, valid: true, coversWholeFile: true }]);
  });

  it('gives no valid signature for garbage in /Contents, hex or not', async () => {
    const random = seededRandom(7);
    const garbage = replaced(pdf, /\/Contents <[0-9a-f]+>/, (match) =>
      `/Contents <${Array.from({ length: match.length - '/Contents <>'.length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('')}>`,
    );
    expect(await readPdfSignatures(garbage)).toEqual([{ signerName: null, organization: null, signedAt: '2025-06-30T03:00:00.000Z', valid: false, coversWholeFile: true, chainTrust: 'unknown' }]);
    // Not hex at all: not a signature dictionary.
    const notHex = replaced(pdf, /\/Contents <[0-9a-f]{4}/, () => '/Contents <zzzz');
    expect(await readPdfSignatures(notHex)).toEqual([]);
    // A ContentInfo that is no SignedData.
    const data = replaced(pdf, /\/Contents <[0-9a-f]{30}/, () => '/Contents <300d06092a864886f70d010701a000');
    expect(await readPdfSignatures(data)).toEqual([expect.objectContaining({ signerName: null, valid: false })]);
  });

  it('gives no valid signature for byte ranges past the end, overlapping, or too large to be numbers', async () => {
    const ranges = ['[0 999999999999999 999999999999999 999999999999999]', '[0 99999999999999999999 1 1]', '[0 -5 10 20]', '[0 1.5 10 20]', '[0 10 5 20]', '[0 10 20]'];
    for (const range of ranges) {
      const hostile = replaced(pdf, /\/ByteRange \[[^\]]*\] */, (match) => `/ByteRange ${range}`.padEnd(match.length, ' '));
      const read = await readPdfSignatures(hostile);
      expect(read, range).toEqual([expect.objectContaining({ signerName: 'Nguyễn Văn A', valid: false, coversWholeFile: false })]);
    }
  });

  it('never throws on a truncated file, and finds no valid signature in one cut before its end', async () => {
    for (let length = 0; length < pdf.length; length += 97) {
      const read = await readPdfSignatures(pdf.subarray(0, length));
      expect(read.every((signature) => !signature.valid), String(length)).toBe(true);
    }
  });

  it('reads at most a bounded number of signatures, however many /ByteRange keys a file holds', async () => {
    const fakes = '/ByteRange [0 1 2 3] '.repeat(5000);
    const many = new Uint8Array(Buffer.concat([Buffer.from(`%PDF-1.7\n1 0 obj\n<< ${fakes} /Contents <00> >>\n`, 'latin1'), pdf]));
    const started = performance.now();
    const read = await readPdfSignatures(many);
    expect(read.length).toBeLessThanOrEqual(MAX_SIGNATURES);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(findSignatureFields(fromLatin1('/ByteRange'))).toEqual([]);
  });

  it('survives random damage anywhere in the file without throwing', async () => {
    const random = seededRandom(2025);
    for (let round = 0; round < 200; round++) {
      const damaged = new Uint8Array(pdf);
      for (let hit = 0; hit < 1 + Math.floor(random() * 8); hit++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const read = await readPdfSignatures(damaged);
      expect(read.length, `round ${round}`).toBeLessThanOrEqual(1);
    }
  });
});
