/**
 * The strings of moving around a report (issue 12, item 3): its outline, and find and replace across its
 * sections, in both languages.
 */

export interface NavigationMessages {
  /** The button that opens the outline, and the outline's name for screen readers. */
  outline: string;
  outlineLabel: string;
  /** The opening paragraphs before section I, as the outline lists them. */
  preamble: string;
  /** A section whose text has not loaded yet. */
  outlineLoading: string;
  /** The find bar, for screen readers. */
  findLabel: string;
  find: string;
  findPlaceholder: string;
  replace: string;
  replacePlaceholder: string;
  /** Shows the replace field (the bar opened with Ctrl+F). */
  showReplace: string;
  next: string;
  previous: string;
  replaceOne: string;
  replaceAll: string;
  close: string;
  /** "3/12": the current match and how many there are. */
  count: (current: number, total: number) => string;
  noMatches: string;
  /** The current match is in a part the person may only read. */
  readOnlyMatch: string;
  /** After "replace all": how many were replaced, and how many were left in parts the person may only read. */
  replaced: (count: number, readOnly: number) => string;
  /** How accents are treated, shown under the field. */
  accentHint: string;
}

export const navigationVi: NavigationMessages = {
  outline: 'Mục lục',
  outlineLabel: 'Mục lục của báo cáo',
  preamble: 'Phần mở đầu',
  outlineLoading: 'đang tải…',
  findLabel: 'Tìm và thay thế trong báo cáo',
  find: 'Tìm',
  findPlaceholder: 'Tìm trong báo cáo',
  replace: 'Thay bằng',
  replacePlaceholder: 'Thay bằng…',
  showReplace: 'Thay thế',
  next: 'Kết quả sau',
  previous: 'Kết quả trước',
  replaceOne: 'Thay',
  replaceAll: 'Thay tất cả',
  close: 'Đóng',
  count: (current, total) => `${current}/${total}`,
  noMatches: 'Không tìm thấy',
  readOnlyMatch: 'Chỗ này bạn chỉ được xem, không thay được',
  replaced: (count, readOnly) => `Đã thay ${count} chỗ${readOnly > 0 ? `; ${readOnly} chỗ bạn chỉ được xem nên giữ nguyên` : ''}`,
  accentHint: 'Không phân biệt dấu: “Dien hinh” tìm được “Điển hình”',
};

export const navigationEn: NavigationMessages = {
  outline: 'Outline',
  outlineLabel: 'Outline of the report',
  preamble: 'Opening paragraphs',
  outlineLoading: 'loading…',
  findLabel: 'Find and replace in the report',
  find: 'Find',
  findPlaceholder: 'Find in the report',
  replace: 'Replace with',
  replacePlaceholder: 'Replace with…',
  showReplace: 'Replace',
  next: 'Next match',
  previous: 'Previous match',
  replaceOne: 'Replace',
  replaceAll: 'Replace all',
  close: 'Close',
  count: (current, total) => `${current}/${total}`,
  noMatches: 'No matches',
  readOnlyMatch: 'You may only read this part: it cannot be replaced',
  replaced: (count, readOnly) => `Replaced ${count}${readOnly > 0 ? `; ${readOnly} in parts you may only read left as they are` : ''}`,
  accentHint: 'Accents are ignored: “Dien hinh” finds “Điển hình”',
};
