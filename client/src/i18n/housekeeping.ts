/**
 * The strings of report housekeeping (issue 10, item 7): the list's filter, its columns of who is
 * involved and of actions, renaming, copying, archiving and deleting, and the report page told the report
 * was deleted — in both languages.
 */

export interface HousekeepingMessages {
  /** The list's filter: the reports in use, or the archived ones. */
  filterLabel: string;
  inUse: string;
  archived: string;
  /** No archived reports. */
  emptyArchived: string;
  /** The column of the departments owning sections. */
  columnInvolved: string;
  /** A report with no section assigned yet. */
  nobodyInvolved: string;
  columnActions: string;
  rename: string;
  renameLabel: (title: string) => string;
  save: string;
  cancel: string;
  copy: string;
  archive: string;
  unarchive: string;
  delete: string;
  /** Asked before deleting. */
  confirmDelete: (title: string) => string;
  confirm: string;
  /** Why "Xóa" is not offered: only drafts are deleted. */
  onlyDrafts: string;
  /** A failed action, before the server's message. */
  failed: string;
  /** Told after a copy, with a link to it. */
  copied: (title: string) => string;
  /** The report page, when the report was deleted while it was open. */
  deleted: string;
  /** The link from a report to its audit log. */
  auditLink: string;
}

export const housekeepingVi: HousekeepingMessages = {
  filterLabel: 'Hiển thị',
  inUse: 'Đang dùng',
  archived: 'Lưu trữ',
  emptyArchived: 'Chưa có báo cáo nào được lưu trữ.',
  columnInvolved: 'Phòng ban tham gia',
  nobodyInvolved: 'Chưa giao',
  columnActions: 'Thao tác',
  rename: 'Đổi tên',
  renameLabel: (title) => `Tên mới của “${title}”`,
  save: 'Lưu',
  cancel: 'Hủy',
  copy: 'Sao chép',
  archive: 'Lưu trữ',
  unarchive: 'Bỏ lưu trữ',
  delete: 'Xóa',
  confirmDelete: (title) => `Xóa hẳn “${title}” và toàn bộ nội dung? Không thể hoàn tác.`,
  confirm: 'Xóa hẳn',
  onlyDrafts: 'Chỉ xóa được báo cáo đang dự thảo',
  failed: 'Không thực hiện được',
  copied: (title) => `Đã tạo bản sao “${title}”.`,
  deleted: 'Báo cáo này đã bị xóa.',
  auditLink: 'Nhật ký',
};

export const housekeepingEn: HousekeepingMessages = {
  filterLabel: 'Show',
  inUse: 'In use',
  archived: 'Archived',
  emptyArchived: 'No report has been archived.',
  columnInvolved: 'Departments involved',
  nobodyInvolved: 'Not assigned',
  columnActions: 'Actions',
  rename: 'Rename',
  renameLabel: (title) => `New title of “${title}”`,
  save: 'Save',
  cancel: 'Cancel',
  copy: 'Copy',
  archive: 'Archive',
  unarchive: 'Unarchive',
  delete: 'Delete',
  confirmDelete: (title) => `Delete “${title}” and all of its content for good? This cannot be undone.`,
  confirm: 'Delete for good',
  onlyDrafts: 'Only a draft can be deleted',
  failed: 'Could not do that',
  copied: (title) => `Copy “${title}” created.`,
  deleted: 'This report has been deleted.',
  auditLink: 'Audit log',
};
