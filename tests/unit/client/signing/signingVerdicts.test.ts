/**
 * What the signing panel says (client/src/signing/signingVerdicts.ts, i18n/signing.ts): how each kind of
 * signature reads, the words for each refused upload — the server's in the same words as the browser's own
 * checks — and sizes with each language's decimal mark.
 */
import { describe, expect, it } from 'vitest';
import type { PdfSignature } from '../../../../common/api/signedCopy.js';
import { ApiError } from '../../../../client/src/api/http.js';
import { en } from '../../../../client/src/i18n/en.js';
import { vi } from '../../../../client/src/i18n/vi.js';
import { signatureVerdict, uploadRefusal, verdictText } from '../../../../client/src/signing/signingVerdicts.js';

const signature = (overrides: Partial<PdfSignature>): PdfSignature => ({
  signerName: 'Nguyễn Văn A',
  organization: 'UBND xã Mỹ An',
  signedAt: '2025-06-30T03:00:00.000Z',
  valid: true,
  coversWholeFile: true,
  chainTrust: 'unknown',
  ...overrides,
});

describe('the signing panel’s words', () => {
  it('reads a signature as fine only when it verifies and covers the whole file', () => {
    expect(signatureVerdict(signature({}))).toBe('ok');
    expect(signatureVerdict(signature({ coversWholeFile: false }))).toBe('warn');
    expect(signatureVerdict(signature({ valid: false }))).toBe('bad');
    expect(signatureVerdict(signature({ valid: false, coversWholeFile: false }))).toBe('bad');
    expect(signatureVerdict(signature({ signerName: null }))).toBe('bad');
    expect(`${vi.signing.signedBy('Nguyễn Văn A', 'UBND xã Mỹ An')} — ${verdictText(vi, 'ok')}`).toBe(
      'Ký số bởi Nguyễn Văn A (UBND xã Mỹ An) — chữ ký hợp lệ, phủ toàn bộ tệp',
    );
    expect(verdictText(vi, 'warn')).toContain('không phủ toàn bộ tệp');
    expect(verdictText(en, 'bad')).toContain('invalid');
  });

  it('says a refused upload in the same words whether the browser or the server refused it', () => {
    expect(uploadRefusal(vi, new ApiError(413, 'file_too_large', 'Tệp quá lớn (the file is over 50 MB)'))).toBe(vi.signing.tooLarge);
    expect(uploadRefusal(vi, new ApiError(415, 'unsupported_file_type', '…'))).toBe(vi.signing.wrongType);
    expect(uploadRefusal(en, new ApiError(409, 'not_issued', '…'))).toBe(en.signing.notIssued);
    expect(uploadRefusal(vi, new ApiError(0, 'network', 'the server could not be reached'))).toBe('Không tải lên được: the server could not be reached');
  });

  it('gives sizes with each language’s decimal mark', () => {
    expect(vi.signing.size(17_394)).toBe('17 kB');
    expect(vi.signing.size(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(en.signing.size(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(en.signing.size(10)).toBe('0.1 kB');
  });
});
