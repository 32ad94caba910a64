/**
 * The strings of the issued report's PDF for signing and its signed copy (issue 10, items 3–4): the
 * download of the PDF (or why there is none), the office's upload with its progress and refusals, the
 * signed copy's details, and what its digital signatures say — in both languages.
 */

export interface SigningMessages {
  /** The panel's heading. */
  heading: string;
  /** The link that downloads the issued report as PDF. */
  downloadPdf: string;
  /** What the PDF is for, under the link. */
  pdfHint: string;
  /** The server has no LibreOffice: why there is no PDF, and what to do instead. */
  pdfUnavailable: string;
  /** No signed copy yet. */
  none: string;
  /** The signed copy's link, before its name. */
  signedCopy: string;
  /** Its size, e.g. "1,2 MB". */
  size: (bytes: number) => string;
  sha256Label: string;
  /** Who uploaded it, when. */
  uploadedBy: (name: string, at: string) => string;
  /** How many copies it replaced (all kept). */
  replaced: (count: number) => string;
  /** A scan, or a PDF without a digital signature. */
  noSignature: string;
  /** "Ký số bởi Nguyễn Văn A (UBND xã Mỹ An)". */
  signedBy: (name: string, organization: string | null) => string;
  /** When the signature says it was made. */
  signedAt: (at: string) => string;
  /** Verifies and covers the whole file. */
  valid: string;
  /** Verifies, but something was appended to the file after signing. */
  notWholeFile: string;
  /** Does not verify. */
  invalid: string;
  /** A signature whose content cannot be read. */
  unreadable: string;
  /** The certificate's issuer is not checked. */
  trustUnknown: string;
  /** The office's button: the first upload, and a replacement. */
  upload: string;
  replace: string;
  /** What may be uploaded, under the button. */
  uploadHint: string;
  /** While sending, with how far it has come. */
  uploading: (percent: number) => string;
  uploaded: string;
  /** Refusals, before sending (checked in the browser) or from the server. */
  tooLarge: string;
  wrongType: string;
  notIssued: string;
  uploadFailed: (reason: string) => string;
  /** The signed copy's details could not be read. */
  loadError: string;
}

/** "dd/mm/yyyy hh:mm" in the reader's time zone. */
function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A size in kB or MB, with the language's decimal mark. */
function fileSize(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024 * 1024) return `${number(Math.max(bytes / 1024, 0.1))} kB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}

export const signingVi: SigningMessages = {
  heading: 'Bản ký',
  downloadPdf: 'Tải PDF để ký',
  pdfHint: 'Bản PDF của văn bản đã ban hành, để ký số bằng công cụ ký của cơ quan.',
  pdfUnavailable:
    'Chưa tải được PDF: máy chủ chưa cài LibreOffice để chuyển văn bản sang PDF. Hãy nhờ quản trị cài LibreOffice, hoặc tải bản Word rồi tự chuyển sang PDF.',
  none: 'Chưa có bản đã ký.',
  signedCopy: 'Bản đã ký:',
  size: (bytes) => fileSize(bytes, 'vi-VN'),
  sha256Label: 'SHA-256',
  uploadedBy: (name, at) => `Tải lên bởi ${name} lúc ${dateTime(at)}.`,
  replaced: (count) => `Thay cho ${count} bản tải lên trước (vẫn được lưu).`,
  noSignature: 'Không có chữ ký số (bản quét, hoặc PDF chưa ký số).',
  signedBy: (name, organization) => `Ký số bởi ${name}${organization ? ` (${organization})` : ''}`,
  signedAt: (at) => `lúc ${dateTime(at)}`,
  valid: 'chữ ký hợp lệ, phủ toàn bộ tệp',
  notWholeFile: 'chữ ký hợp lệ nhưng không phủ toàn bộ tệp: tệp đã được thêm nội dung sau khi ký',
  invalid: 'chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký',
  unreadable: 'Có chữ ký số nhưng không đọc được',
  trustUnknown: 'Chưa đối chiếu chứng thư số với tổ chức cung cấp dịch vụ chứng thực.',
  upload: 'Tải lên bản đã ký',
  replace: 'Tải lên bản đã ký khác',
  uploadHint: 'PDF đã ký số, hoặc ảnh quét PNG, JPEG, TIFF; tối đa 50 MB.',
  uploading: (percent) => `Đang tải lên… ${percent}%`,
  uploaded: 'Đã lưu bản đã ký.',
  tooLarge: 'Tệp quá lớn: bản đã ký tối đa 50 MB.',
  wrongType: 'Định dạng tệp không được hỗ trợ: chỉ nhận PDF hoặc ảnh quét PNG, JPEG, TIFF.',
  notIssued: 'Báo cáo chưa ban hành nên chưa tải lên bản đã ký được.',
  uploadFailed: (reason) => `Không tải lên được: ${reason}`,
  loadError: 'Không đọc được thông tin bản đã ký.',
};

export const signingEn: SigningMessages = {
  heading: 'Signing',
  downloadPdf: 'Download PDF for signing',
  pdfHint: 'The issued document as PDF, to sign with the agency’s digital signing tool.',
  pdfUnavailable:
    'No PDF yet: LibreOffice, which turns the document into PDF, is not installed on the server. Ask the administrator to install it, or download the Word file and convert it yourself.',
  none: 'No signed copy yet.',
  signedCopy: 'Signed copy:',
  size: (bytes) => fileSize(bytes, 'en-GB'),
  sha256Label: 'SHA-256',
  uploadedBy: (name, at) => `Uploaded by ${name} on ${dateTime(at)}.`,
  replaced: (count) => `Replaces ${count} earlier upload${count === 1 ? '' : 's'} (still kept).`,
  noSignature: 'No digital signature (a scan, or a PDF not signed digitally).',
  signedBy: (name, organization) => `Digitally signed by ${name}${organization ? ` (${organization})` : ''}`,
  signedAt: (at) => `on ${dateTime(at)}`,
  valid: 'valid signature covering the whole file',
  notWholeFile: 'valid signature, but not covering the whole file: content was added after signing',
  invalid: 'invalid signature: the content was changed after signing',
  unreadable: 'A digital signature that cannot be read',
  trustUnknown: 'The certificate has not been checked against its certification authority.',
  upload: 'Upload the signed copy',
  replace: 'Upload another signed copy',
  uploadHint: 'A digitally signed PDF, or a PNG, JPEG or TIFF scan; at most 50 MB.',
  uploading: (percent) => `Uploading… ${percent}%`,
  uploaded: 'The signed copy is saved.',
  tooLarge: 'The file is too large: a signed copy is at most 50 MB.',
  wrongType: 'Unsupported file type: only PDF or PNG, JPEG, TIFF scans are accepted.',
  notIssued: 'The report is not issued yet, so no signed copy can be uploaded.',
  uploadFailed: (reason) => `Upload failed: ${reason}`,
  loadError: 'The signed copy’s details could not be read.',
};
