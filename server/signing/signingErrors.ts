/** The named refusals of the issued report's PDF and its signed copy (issue 10, items 3–4), each with its stable code. */
import { MAX_SIGNED_COPY_BYTES } from '../../common/signedCopy.js';
import { AppError, forbidden } from '../errors.js';

const MB = 1024 * 1024;

/** The PDF and the signed copy belong to an issued report only. */
export const notIssued = () =>
  new AppError(
    409,
    'not_issued',
    'Báo cáo chưa ban hành: chỉ báo cáo đã ban hành mới có bản PDF để ký và bản đã ký (the report is not issued yet)',
  );

/** No LibreOffice on the server: the PDF cannot be rendered until someone installs it. */
export const pdfUnavailable = () =>
  new AppError(
    503,
    'pdf_unavailable',
    'Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; hãy nhờ quản trị cài LibreOffice, hoặc tải bản Word rồi chuyển sang PDF (LibreOffice is needed on the server to render the PDF)',
  );

/** Renderings run one at a time; this many are waiting already. */
export const pdfBusy = () =>
  new AppError(503, 'pdf_busy', 'Máy chủ đang tạo bản PDF của các báo cáo khác; vui lòng thử lại sau ít phút (too many PDFs being rendered, try again shortly)');

/** LibreOffice failed or ran out of time; the cause is logged. */
export const pdfFailed = () => new AppError(500, 'pdf_failed', 'Không tạo được bản PDF; vui lòng thử lại (rendering the PDF failed)');

export const uploadForbidden = () => forbidden('Chỉ Văn phòng mới tải lên bản đã ký (only the office uploads the signed copy)');

/** Over {@link MAX_SIGNED_COPY_BYTES}: refused as soon as it is known, from the declared length or while reading. */
export const fileTooLarge = () =>
  new AppError(413, 'file_too_large', `Tệp quá lớn: bản đã ký tối đa ${MAX_SIGNED_COPY_BYTES / MB} MB (the file is over ${MAX_SIGNED_COPY_BYTES / MB} MB)`);

const ACCEPTED = 'chỉ nhận tệp PDF hoặc ảnh quét PNG, JPEG, TIFF (only PDF, PNG, JPEG or TIFF files are accepted)';

/** The bytes are none of the accepted types, or the request declared a type that is not accepted. */
export const unsupportedFileType = () => new AppError(415, 'unsupported_file_type', `Định dạng tệp không được hỗ trợ: ${ACCEPTED}`);

/** The request said one accepted type and the bytes show another. */
export const fileTypeMismatch = (declared: string, actual: string) =>
  new AppError(
    415,
    'unsupported_file_type',
    `Tệp được gửi là ${declared} nhưng nội dung là ${actual}; ${ACCEPTED} (the file is ${actual}, not ${declared})`,
  );

export const emptyFile = () => new AppError(400, 'empty_file', 'Tệp trống, không có nội dung (the file is empty)');

/** The client stopped sending before the end of the file. */
export const uploadAborted = () => new AppError(400, 'upload_aborted', 'Tải lên bị gián đoạn (the upload was interrupted)');

export const noSignedCopy = () => new AppError(404, 'no_signed_copy', 'Chưa có bản đã ký của báo cáo này (no signed copy yet)');
