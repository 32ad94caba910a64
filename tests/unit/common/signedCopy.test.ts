/**
 * What a signed copy may be (common/signedCopy.ts), as the server enforces it and the client checks it
 * before sending: the type its first bytes show, the declared type read from a header, who may upload,
 * and the file name made safe to store and to send back.
 */
import { describe, expect, it } from 'vitest';
import {
  canUploadSignedCopy,
  declaredType,
  FALLBACK_FILE_NAME,
  MAX_FILE_NAME_LENGTH,
  safeFileName,
  sniffSignedCopyType,
} from '../../../common/signedCopy.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('the signed copy’s type', () => {
  it('is what the first bytes show: PDF, PNG, JPEG, TIFF (either byte order, and BigTIFF)', () => {
    expect(sniffSignedCopyType(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffSignedCopyType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffSignedCopyType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffSignedCopyType(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0))).toBe('image/tiff');
    expect(sniffSignedCopyType(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8))).toBe('image/tiff');
    expect(sniffSignedCopyType(bytes(0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0))).toBe('image/tiff');
  });

  it('is none for a Word file, text, a PDF header cut short, or nothing', () => {
    expect(sniffSignedCopyType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0))).toBeNull();
    expect(sniffSignedCopyType(ascii('Báo cáo'))).toBeNull();
    expect(sniffSignedCopyType(ascii(' %PDF-1.7'))).toBeNull();
    expect(sniffSignedCopyType(ascii('%PDF'))).toBeNull();
    expect(sniffSignedCopyType(new Uint8Array(0))).toBeNull();
  });

  it('reads the declared type without its parameters, an absent one as unknown', () => {
    expect(declaredType('Image/PNG; name=x')).toBe('image/png');
    expect(declaredType(undefined)).toBe('application/octet-stream');
    expect(declaredType('  ')).toBe('application/octet-stream');
  });

  it('is uploaded by the office and the admin only', () => {
    expect(['admin', 'office', 'chair', 'editor'].filter((role) => canUploadSignedCopy(role as 'admin'))).toEqual(['admin', 'office']);
  });
});

describe('the signed copy’s file name', () => {
  it('keeps a Vietnamese name as NFC, with its extension', () => {
    expect(safeFileName('Ba\u0301o ca\u0301o đã ký.pdf', 'application/pdf')).toBe('Báo cáo đã ký.pdf');
    expect(safeFileName('Trang 1.JPEG', 'image/jpeg')).toBe('Trang 1.JPEG');
    expect(safeFileName('trang-2.tif', 'image/tiff')).toBe('trang-2.tif');
  });

  it('drops folders, control characters, quotes, reserved characters and direction marks', () => {
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\vp\\"bản" <1>|?*.pdf', 'application/pdf')).toBe('bản 1.pdf');
    expect(safeFileName('a\u0000b\nc.pdf', 'application/pdf')).toBe('a b c.pdf');
    expect(safeFileName('hoa-don\u202Efdp.exe', 'application/pdf')).toBe('hoa-don fdp.exe.pdf');
  });

  it('adds the extension of the type the bytes show, and a name when none is left', () => {
    expect(safeFileName('scan', 'image/png')).toBe('scan.png');
    expect(safeFileName('bao-cao.pdf', 'image/png')).toBe('bao-cao.pdf.png');
    expect(safeFileName('', 'application/pdf')).toBe(`${FALLBACK_FILE_NAME}.pdf`);
    expect(safeFileName(' ... ', 'image/jpeg')).toBe(`${FALLBACK_FILE_NAME}.jpg`);
    // A leading dot (a hidden file's) is dropped like any other.
    expect(safeFileName('.pdf', 'application/pdf')).toBe('pdf.pdf');
  });

  it('cuts a long name to its limit by characters, never inside one, keeping the extension', () => {
    const name = safeFileName(`${'𝒜'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('𝒜.pdf')).toBe(true);
  });
});
