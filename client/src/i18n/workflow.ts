/**
 * The strings of the report's workflow (issue 10, items 1–2): the status bar and its buttons, the
 * confirmation of sending a report back to draft, the issue dialog and its refusals, the issued report's
 * file and read-only state, and the number on the list — in both languages. The status names themselves
 * are the main dictionary's `status`, shared with the list.
 */
import type { ReportStatus } from '../../../common/report.js';

export interface WorkflowMessages {
  /** The bar above the page, for screen readers. */
  barLabel: string;
  /** Before the status chip: "Trạng thái:". */
  statusLabel: string;
  /** The button that moves the report to each status ("Gửi xem xét", "Phê duyệt", …). */
  moveTo: Record<ReportStatus, string>;
  /** A status change that failed, before the reason. */
  moveError: string;
  /** 409: the report's status moved meanwhile (another page changed it). */
  moveConflict: string;
  /** Sending back to draft, asked first. */
  confirmDraft: {
    title: string;
    body: string;
    confirm: string;
    cancel: string;
  };
  issue: {
    title: string;
    /** What issuing does, said before the office commits to it. */
    intro: string;
    number: string;
    /** Where the proposed number comes from (Điều 15). */
    numberHint: (symbol: string, year: number) => string;
    /** While the next free number is asked for. */
    numberLoading: string;
    /** The next number could not be read; the office may still type one. */
    numberLoadError: string;
    date: string;
    /** The date's form, shown under the field. */
    dateHint: string;
    /** The preview of the lines as the header prints them. */
    preview: string;
    submit: string;
    submitting: string;
    cancel: string;
    /** The keys of the dialog. */
    keys: string;
    numberInvalid: string;
    dateInvalid: string;
    /** 409 `number_taken`. */
    numberTaken: (number: string, symbol: string, year: number) => string;
    /** Offers the next free number after a refusal. */
    useNumber: (number: string) => string;
    /** 409 `invalid_transition`: the status moved meanwhile. */
    invalidTransition: string;
    /** 409 `report_issued`. */
    alreadyIssued: string;
    /** 503 `export_busy`. */
    exportBusy: string;
    /** 413 `export_too_large`. */
    exportTooLarge: string;
    /** Any other failure, before the reason. */
    failed: string;
  };
  issued: {
    /** Why every field and section is read-only once issued. */
    readOnly: string;
    /** The number and date it was issued with, as the bar shows them. */
    issuedAs: (number: string, symbol: string, date: string) => string;
    sha256Label: string;
    /** The download of the stored file. */
    download: string;
    /** Text typed but not sent before the report was issued, kept in the browser to copy. */
    kept: string;
  };
  list: {
    /** "Số 05/BC-UBND" under the status of an issued report. */
    number: (number: string, symbol: string) => string;
    /** "ngày 30/06/2025". */
    date: (date: string) => string;
  };
}

export const workflowVi: WorkflowMessages = {
  barLabel: 'Quy trình báo cáo',
  statusLabel: 'Trạng thái:',
  moveTo: {
    draft: 'Trả về dự thảo',
    review: 'Gửi xem xét',
    approved: 'Phê duyệt',
    issued: 'Ban hành',
  },
  moveError: 'Không chuyển được trạng thái',
  moveConflict: 'Báo cáo vừa được chuyển sang trạng thái khác; hãy xem trạng thái mới trên trang.',
  confirmDraft: {
    title: 'Trả báo cáo về dự thảo?',
    body: 'Báo cáo sẽ trở lại dự thảo: các phòng soạn tiếp được, sau đó cần gửi xem xét và phê duyệt lại trước khi ban hành.',
    confirm: 'Trả về dự thảo',
    cancel: 'Hủy',
  },
  issue: {
    title: 'Ban hành báo cáo',
    intro: 'Sau khi ban hành, báo cáo không sửa được nữa: mọi người chỉ xem, và bản Word ban hành được lưu cố định.',
    number: 'Số văn bản',
    numberHint: (symbol, year) => `Đề xuất số tiếp theo còn trống của ký hiệu ${symbol} năm ${year}; có thể sửa.`,
    numberLoading: 'Đang lấy số tiếp theo…',
    numberLoadError: 'Không lấy được số tiếp theo; hãy nhập số.',
    date: 'Ngày ban hành',
    dateHint: 'Dạng dd/mm/yyyy, ví dụ 05/02/2025',
    preview: 'Sẽ in trên văn bản',
    submit: 'Ban hành',
    submitting: 'Đang ban hành…',
    cancel: 'Hủy',
    keys: 'Enter để ban hành, Esc để đóng',
    numberInvalid: 'Số văn bản là số nguyên từ 1, ví dụ 05.',
    dateInvalid: 'Ngày chưa đúng: hãy viết dạng dd/mm/yyyy, ví dụ 05/02/2025.',
    numberTaken: (number, symbol, year) =>
      `Số ${number} đã được dùng cho một văn bản khác đã ban hành năm ${year} (${number}/${symbol}). Hãy chọn số khác.`,
    useNumber: (number) => `Dùng số ${number}`,
    invalidTransition: 'Báo cáo vừa được chuyển sang trạng thái khác nên chưa ban hành được. Hãy xem trạng thái mới trên trang.',
    alreadyIssued: 'Báo cáo đã được ban hành.',
    exportBusy: 'Máy chủ đang bận tạo tệp Word nên báo cáo chưa được ban hành. Hãy thử lại sau ít phút.',
    exportTooLarge: 'Báo cáo quá lớn để tạo tệp Word nên chưa ban hành được.',
    failed: 'Không ban hành được',
  },
  issued: {
    readOnly: 'Đã ban hành — chỉ xem',
    issuedAs: (number, symbol, date) => `Số ${number}/${symbol}, ngày ${date}`,
    sha256Label: 'Mã SHA-256 của bản ban hành',
    download: 'Tải bản ban hành (.docx)',
    kept: 'Báo cáo đã ban hành — nội dung bạn chưa gửi được giữ lại bên dưới để sao chép',
  },
  list: {
    number: (number, symbol) => `Số ${number}/${symbol}`,
    date: (date) => `ngày ${date}`,
  },
};

export const workflowEn: WorkflowMessages = {
  barLabel: 'Report workflow',
  statusLabel: 'Status:',
  moveTo: {
    draft: 'Back to draft',
    review: 'Send for review',
    approved: 'Approve',
    issued: 'Issue',
  },
  moveError: 'Could not change the status',
  moveConflict: 'The report’s status has just changed; see the new status on the page.',
  confirmDraft: {
    title: 'Send the report back to draft?',
    body: 'The report becomes a draft again: departments can go on writing, and it must be sent for review and approved again before it is issued.',
    confirm: 'Back to draft',
    cancel: 'Cancel',
  },
  issue: {
    title: 'Issue the report',
    intro: 'Once issued, the report can no longer be changed: everyone can only read it, and the issued Word file is stored for good.',
    number: 'Number',
    numberHint: (symbol, year) => `The next free number of ${symbol} in ${year}; you may change it.`,
    numberLoading: 'Getting the next number…',
    numberLoadError: 'Could not get the next number; type one.',
    date: 'Date of issue',
    dateHint: 'As dd/mm/yyyy, e.g. 05/02/2025',
    preview: 'Printed on the document',
    submit: 'Issue',
    submitting: 'Issuing…',
    cancel: 'Cancel',
    keys: 'Enter to issue, Esc to close',
    numberInvalid: 'The number is a whole number from 1, e.g. 05.',
    dateInvalid: 'The date is not valid: write it as dd/mm/yyyy, e.g. 05/02/2025.',
    numberTaken: (number, symbol, year) =>
      `Number ${number} is already used by another document issued in ${year} (${number}/${symbol}). Choose another number.`,
    useNumber: (number) => `Use number ${number}`,
    invalidTransition: 'The report’s status has just changed, so it was not issued. See the new status on the page.',
    alreadyIssued: 'The report has been issued.',
    exportBusy: 'The server is busy building Word files, so the report was not issued. Try again in a few minutes.',
    exportTooLarge: 'The report is too large to build its Word file, so it was not issued.',
    failed: 'Could not issue the report',
  },
  issued: {
    readOnly: 'Issued — read only',
    issuedAs: (number, symbol, date) => `No. ${number}/${symbol}, dated ${date}`,
    sha256Label: 'SHA-256 of the issued file',
    download: 'Download the issued file (.docx)',
    kept: 'The report has been issued — what you had not sent yet is kept below, to copy',
  },
  list: {
    number: (number, symbol) => `No. ${number}/${symbol}`,
    date: (date) => `dated ${date}`,
  },
};
