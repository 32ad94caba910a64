/**
 * The strings of named versions (issue 10, item 5): the versions panel of the report page, a version opened
 * read-only, its comparison with now, and restoring it — in both languages. Kept apart from the main
 * dictionary because it is one concept of its own. What a version's content prints stays Vietnamese.
 */
import type { VersionKind } from '../../../common/api/workflow.js';
import type { FrameTextKey } from '../../../common/frame.js';
import { frameFieldNamesEn, frameFieldNamesVi } from './frameFields.js';

export interface VersionsMessages {
  /** The panel's heading, with how many versions there are once known. */
  panelTitle: (count: number | null) => string;
  loading: string;
  loadError: string;
  empty: string;
  /** The office's form that saves the report as it is now under a name. */
  saveLabel: string;
  savePlaceholder: string;
  save: string;
  saving: string;
  saved: (label: string) => string;
  saveError: string;
  /** What stored each version. */
  kinds: Record<VersionKind, string>;
  /** When a version was stored, and by whom (null: the server itself). */
  storedBy: (when: string, name: string | null) => string;
  /** "dd/mm/yyyy hh:mm" in the reader's time zone. */
  at: (iso: string) => string;
  open: string;
  compare: string;
  word: string;
  restore: string;
  restoreTitle: string;
  restoreExplain: (label: string, when: string) => string;
  /** Why a restore loses nothing. */
  restoreSafe: (label: string) => string;
  restoreConfirm: string;
  restoring: string;
  cancel: string;
  restoreError: string;
  restored: (label: string) => string;
  /** The version page. */
  pageTitle: (label: string) => string;
  readOnly: string;
  /** The report's status when the version was stored. */
  statusThen: (status: string) => string;
  tabs: { content: string; diff: string };
  back: string;
  pageLoading: string;
  pageLoadError: string;
  /** A section with nothing written in it. */
  emptySection: string;
  /** The comparison. */
  legend: string;
  deletedMark: string;
  insertedMark: string;
  noChanges: string;
  unchanged: string;
  frameHeading: string;
  preambleHeading: string;
  inVersion: string;
  now: string;
  /** The frame's fields, by key. */
  fields: Record<FrameTextKey | 'recipients', string>;
}

/** "dd/mm/yyyy hh:mm" in the reader's time zone (ND30.md: dates as dd/mm/yyyy). */
function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

export const versionsVi: VersionsMessages = {
  panelTitle: (count) => (count === null ? 'Phiên bản' : `Phiên bản (${count})`),
  loading: 'Đang tải danh sách phiên bản…',
  loadError: 'Không tải được danh sách phiên bản',
  empty: 'Chưa có phiên bản nào. Mỗi lần chuyển trạng thái, báo cáo được lưu thành một phiên bản.',
  saveLabel: 'Tên phiên bản',
  savePlaceholder: 'Ví dụ: Bản gửi Chủ tịch',
  save: 'Lưu phiên bản',
  saving: 'Đang lưu…',
  saved: (label) => `Đã lưu phiên bản “${label}”.`,
  saveError: 'Không lưu được phiên bản',
  kinds: { status: 'Chuyển trạng thái', manual: 'Lưu theo tên', restore: 'Khôi phục' },
  storedBy: (when, name) => (name === null ? when : `${when} · ${name}`),
  at: dateTime,
  open: 'Xem',
  compare: 'So sánh với hiện tại',
  word: 'Tải Word',
  restore: 'Khôi phục',
  restoreTitle: 'Khôi phục phiên bản?',
  restoreExplain: (label, when) =>
    `Báo cáo sẽ trở về nội dung của phiên bản “${label}” (${when}). Mọi người đang mở báo cáo sẽ thấy thay đổi ngay.`,
  restoreSafe: (label) => `Nội dung hiện tại được lưu trước thành phiên bản “Trước khi khôi phục: ${label}”, nên không mất gì.`,
  restoreConfirm: 'Khôi phục',
  restoring: 'Đang khôi phục…',
  cancel: 'Hủy',
  restoreError: 'Không khôi phục được',
  restored: (label) => `Đã khôi phục phiên bản “${label}”.`,
  pageTitle: (label) => `Phiên bản “${label}”`,
  readOnly: 'Chỉ xem: đây là nội dung đã lưu của báo cáo, không sửa được.',
  statusThen: (status) => `Trạng thái khi lưu: ${status}`,
  tabs: { content: 'Nội dung', diff: 'So sánh với hiện tại' },
  back: 'Quay lại báo cáo',
  pageLoading: 'Đang tải phiên bản…',
  pageLoadError: 'Không mở được phiên bản',
  emptySection: '(Chưa có nội dung)',
  legend: 'Chữ gạch ngang: có trong phiên bản, nay đã bỏ. Chữ gạch chân: nay mới thêm.',
  deletedMark: 'Đã bỏ',
  insertedMark: 'Thêm mới',
  noChanges: 'Báo cáo hiện giờ giống hệt phiên bản này.',
  unchanged: 'Không thay đổi',
  frameHeading: 'Phần đầu và phần cuối văn bản',
  preambleHeading: 'Phần mở đầu',
  inVersion: 'Trong phiên bản',
  now: 'Hiện giờ',
  fields: { ...frameFieldNamesVi, recipients: 'Nơi nhận' },
};

export const versionsEn: VersionsMessages = {
  panelTitle: (count) => (count === null ? 'Versions' : `Versions (${count})`),
  loading: 'Loading the versions…',
  loadError: 'The versions could not be loaded',
  empty: 'No versions yet. Every change of status stores the report as a version.',
  saveLabel: 'Version name',
  savePlaceholder: 'e.g. Sent to the chairperson',
  save: 'Save version',
  saving: 'Saving…',
  saved: (label) => `Version “${label}” saved.`,
  saveError: 'The version could not be saved',
  kinds: { status: 'Status change', manual: 'Saved by name', restore: 'Restore' },
  storedBy: (when, name) => (name === null ? when : `${when} · ${name}`),
  at: dateTime,
  open: 'View',
  compare: 'Compare with now',
  word: 'Word file',
  restore: 'Restore',
  restoreTitle: 'Restore this version?',
  restoreExplain: (label, when) =>
    `The report will read as version “${label}” (${when}) again. Everyone who has the report open sees the change at once.`,
  restoreSafe: (label) => `The report as it is now is saved first as version “Trước khi khôi phục: ${label}”, so nothing is lost.`,
  restoreConfirm: 'Restore',
  restoring: 'Restoring…',
  cancel: 'Cancel',
  restoreError: 'The version could not be restored',
  restored: (label) => `Version “${label}” restored.`,
  pageTitle: (label) => `Version “${label}”`,
  readOnly: 'Read only: this is the report as it was saved; it cannot be edited.',
  statusThen: (status) => `Status when saved: ${status}`,
  tabs: { content: 'Content', diff: 'Compare with now' },
  back: 'Back to the report',
  pageLoading: 'Loading the version…',
  pageLoadError: 'The version could not be opened',
  emptySection: '(Nothing written yet)',
  legend: 'Struck-through text: in the version, removed since. Underlined text: added since.',
  deletedMark: 'Removed',
  insertedMark: 'Added',
  noChanges: 'The report reads exactly as this version.',
  unchanged: 'Unchanged',
  frameHeading: 'Header and footer',
  preambleHeading: 'Opening paragraphs',
  inVersion: 'In the version',
  now: 'Now',
  fields: { ...frameFieldNamesEn, recipients: 'Recipients' },
};
