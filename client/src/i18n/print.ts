/**
 * The strings of the print preview (issue 12): "Xem bản in" opens the report as it prints — the Word export
 * laid out by LibreOffice on the server — in a new tab, in both languages.
 */

export interface PrintMessages {
  /** The action above the page. */
  preview: string;
  /** Its longer description (tooltip and screen readers). */
  previewTitle: string;
  /** The server has no LibreOffice: why there is no preview, and what to do instead. */
  unavailable: string;
}

export const printVi: PrintMessages = {
  preview: 'Xem bản in',
  previewTitle: 'Mở báo cáo trong thẻ mới đúng như khi in: tệp Word xuất ra, dàn trang bằng LibreOffice trên máy chủ',
  unavailable: 'Chưa xem được bản in: máy chủ chưa cài LibreOffice. Hãy tải bản Word để xem.',
};

export const printEn: PrintMessages = {
  preview: 'Print preview',
  previewTitle: 'Opens the report in a new tab exactly as it prints: the Word export, laid out by LibreOffice on the server',
  unavailable: 'No print preview: LibreOffice is not installed on the server. Download the Word file to see it.',
};
