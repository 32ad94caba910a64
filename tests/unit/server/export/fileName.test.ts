import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName, MAX_NAME_LENGTH, stripDiacritics, unicodeFileName } from '../../../../server/export/fileName.js';

const sample = {
  symbol: 'BC-UBND',
  date: '2024-02-05',
  subject: 'Kết quả sơ kết 01 năm triển khai thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến” giai đoạn 2022 - 2025',
};

/** The `filename*` value of a Content-Disposition, decoded. */
function extendedName(header: string): string {
  const match = /filename\*=UTF-8''([^;]+)$/.exec(header);
  if (!match) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]!);
}

describe('the exported file’s name', () => {
  it('is <symbol>-<date>-<subject>.docx in ASCII letters, digits and dashes, cut at a word', () => {
    const name = exportFileName(sample);
    expect(name).toMatch(/^[A-Za-z0-9-]+\.docx$/);
    expect(name.startsWith('BC-UBND-2024-02-05-Ket-qua-so-ket-01-nam-trien-khai-thuc-hien-De-an-Tuyen-truyen-guong-dien-hinh')).toBe(true);
    expect(name.length - '.docx'.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).not.toMatch(/--|-\.docx$/);
  });

  it('strips diacritics, đ and Đ included', () => {
    expect(stripDiacritics('Đồng Tháp đẹp, Ủy ban, Hưng')).toBe('Dong Thap dep, Uy ban, Hung');
    expect(exportFileName({ symbol: 'QĐ-UBND', date: '', subject: 'Đề án đường điện' })).toBe('QD-UBND-De-an-duong-dien.docx');
  });

  it('leaves out a date that is not set or not a date, and falls back to a name when nothing is set', () => {
    expect(exportFileName({ symbol: 'BC-UBND', date: 'mai', subject: 'Báo cáo' })).toBe('BC-UBND-Bao-cao.docx');
    expect(exportFileName({ symbol: '', date: '', subject: '' })).toBe('bao-cao.docx');
    expect(exportFileName({ symbol: '🎉', date: '', subject: '///' })).toBe('bao-cao.docx');
  });

  it('keeps hostile text out of the name and the header', () => {
    const hostile = { symbol: '../../etc/passwd', date: '2024-02-05', subject: 'a"b\r\nSet-Cookie: x=1; \u0000<script>\\ 🎉' + 'x'.repeat(500) };
    const name = exportFileName(hostile);
    expect(name).toMatch(/^[A-Za-z0-9-]+\.docx$/);
    const header = contentDisposition(hostile);
    expect(header).not.toMatch(/[\r\n\u0000]/);
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.docx"; filename\*=UTF-8''[A-Za-z0-9%\-._~!$&+^`|]+$/);
    expect(extendedName(header)).not.toMatch(/[\\/"\r\n\u0000]/);
  });

  it('gives the Vietnamese name, NFC, as RFC 5987 filename*', () => {
    const header = contentDisposition({ ...sample, subject: 'Tie\u0302\u0301ng Vie\u0323\u0302t (đợt 1)' });
    expect(header).toContain('filename="BC-UBND-2024-02-05-Tieng-Viet-dot-1.docx"');
    expect(extendedName(header)).toBe('BC-UBND-2024-02-05-Tiếng Việt (đợt 1).docx');
    expect(header).toContain('%28'); // "(" is not an attr-char
  });

  it('never cuts an emoji in half when it bounds the Vietnamese name', () => {
    const name = unicodeFileName({ symbol: '', date: '', subject: '🎉'.repeat(200) });
    expect(Array.from(name.replace(/\.docx$/, ''))).toHaveLength(MAX_NAME_LENGTH);
    expect(() => encodeURIComponent(name)).not.toThrow();
  });
});
