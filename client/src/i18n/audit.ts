/**
 * The strings of the audit log page (issue 10, item 6): its filters, columns and paging, and a label for
 * each action (common/auditActions.ts; an action without one is shown as its name) — in both languages.
 */
import type { AuditFamily } from '../../../common/auditActions.js';

export interface AuditMessages {
  heading: string;
  /** The heading when the log is filtered to one report. */
  headingOfReport: (title: string) => string;
  loading: string;
  loadError: string;
  empty: string;
  /** The bar link to the page. */
  navLink: string;
  filters: string;
  report: string;
  person: string;
  action: string;
  from: string;
  to: string;
  any: string;
  apply: string;
  reset: string;
  downloadCsv: string;
  columnAt: string;
  columnPerson: string;
  columnReport: string;
  columnAction: string;
  columnDetail: string;
  /** Entries of nobody: the server itself, or a sign-in under an unknown username. */
  system: string;
  /** "1–50 / 132". */
  range: (first: number, last: number, total: number) => string;
  newer: string;
  older: string;
  families: Record<AuditFamily, string>;
  /** Known actions, by name. */
  actions: Record<string, string>;
  /** The words of the detail column. */
  detail: {
    section: string;
    count: (count: string) => string;
    hour: string;
    from: string;
    to: string;
    address: string;
    reason: Record<string, string>;
    username: string;
  };
}

export const auditVi: AuditMessages = {
  heading: 'Nhật ký hoạt động',
  headingOfReport: (title) => `Nhật ký: ${title}`,
  loading: 'Đang tải nhật ký…',
  loadError: 'Không tải được nhật ký',
  empty: 'Không có mục nào khớp bộ lọc.',
  navLink: 'Nhật ký',
  filters: 'Bộ lọc',
  report: 'Báo cáo',
  person: 'Người thực hiện',
  action: 'Hoạt động',
  from: 'Từ ngày',
  to: 'Đến ngày',
  any: 'Tất cả',
  apply: 'Lọc',
  reset: 'Bỏ lọc',
  downloadCsv: 'Tải CSV',
  columnAt: 'Thời gian',
  columnPerson: 'Người thực hiện',
  columnReport: 'Báo cáo',
  columnAction: 'Hoạt động',
  columnDetail: 'Chi tiết',
  system: 'Hệ thống',
  range: (first, last, total) => `${first}–${last} / ${total}`,
  newer: 'Mới hơn',
  older: 'Cũ hơn',
  families: {
    signin: 'Đăng nhập',
    report: 'Báo cáo',
    section: 'Phần báo cáo',
    frame: 'Đầu và cuối văn bản',
    comment: 'Bình luận',
    suggestion: 'Đề xuất sửa',
    status: 'Trạng thái',
    version: 'Phiên bản',
    export: 'Xuất tệp',
    signed: 'Bản đã ký',
  },
  actions: {
    'signin.succeeded': 'Đăng nhập',
    'signin.failed': 'Đăng nhập không thành công',
    'report.created': 'Tạo báo cáo',
    'report.copied': 'Sao chép báo cáo',
    'report.renamed': 'Đổi tên báo cáo',
    'report.archived': 'Lưu trữ báo cáo',
    'report.unarchived': 'Bỏ lưu trữ báo cáo',
    'report.deleted': 'Xóa báo cáo',
    'section.assigned': 'Giao phần',
    'section.edited': 'Sửa nội dung',
    'frame.edited': 'Sửa đầu, cuối văn bản',
    'section.approved': 'Duyệt phần',
    'section.returned': 'Trả lại phần',
    'section.changed': 'Sửa sau khi duyệt',
    'comment.created': 'Bình luận',
    'comment.replied': 'Trả lời bình luận',
    'comment.resolved': 'Giải quyết bình luận',
    'comment.reopened': 'Mở lại bình luận',
    'suggestion.created': 'Đề xuất sửa',
    'suggestion.accepted': 'Chấp nhận đề xuất',
    'suggestion.rejected': 'Từ chối đề xuất',
    'status.draft': 'Trả về dự thảo',
    'status.review': 'Trình duyệt',
    'status.approved': 'Duyệt báo cáo',
    'status.issued': 'Ban hành',
    'version.created': 'Lưu phiên bản',
    'version.restored': 'Khôi phục phiên bản',
    'export.docx': 'Tải tệp Word',
    'export.pdf': 'Tải tệp PDF',
    'signed.uploaded': 'Tải lên bản đã ký',
  },
  detail: {
    section: 'Phần',
    count: (count) => `${count} lần sửa`,
    hour: 'giờ',
    from: 'từ',
    to: 'thành',
    address: 'địa chỉ',
    reason: { password: 'sai mật khẩu', unknown: 'không có tài khoản', inactive: 'tài khoản bị khóa' },
    username: 'tên đăng nhập',
  },
};

export const auditEn: AuditMessages = {
  heading: 'Audit log',
  headingOfReport: (title) => `Audit log: ${title}`,
  loading: 'Loading the audit log…',
  loadError: 'The audit log could not be loaded',
  empty: 'No entry matches the filters.',
  navLink: 'Audit log',
  filters: 'Filters',
  report: 'Report',
  person: 'Person',
  action: 'Activity',
  from: 'From',
  to: 'To',
  any: 'All',
  apply: 'Filter',
  reset: 'Clear filters',
  downloadCsv: 'Download CSV',
  columnAt: 'Time',
  columnPerson: 'Person',
  columnReport: 'Report',
  columnAction: 'Activity',
  columnDetail: 'Detail',
  system: 'System',
  range: (first, last, total) => `${first}–${last} of ${total}`,
  newer: 'Newer',
  older: 'Older',
  families: {
    signin: 'Sign-ins',
    report: 'Reports',
    section: 'Sections',
    frame: 'Header and footer',
    comment: 'Comments',
    suggestion: 'Suggested edits',
    status: 'Status',
    version: 'Versions',
    export: 'Exports',
    signed: 'Signed copy',
  },
  actions: {
    'signin.succeeded': 'Signed in',
    'signin.failed': 'Sign-in refused',
    'report.created': 'Created the report',
    'report.copied': 'Copied the report',
    'report.renamed': 'Renamed the report',
    'report.archived': 'Archived the report',
    'report.unarchived': 'Unarchived the report',
    'report.deleted': 'Deleted the report',
    'section.assigned': 'Assigned a section',
    'section.edited': 'Edited',
    'frame.edited': 'Edited the header or footer',
    'section.approved': 'Approved a section',
    'section.returned': 'Returned a section',
    'section.changed': 'Edited after approval',
    'comment.created': 'Commented',
    'comment.replied': 'Replied',
    'comment.resolved': 'Resolved a comment',
    'comment.reopened': 'Reopened a comment',
    'suggestion.created': 'Suggested an edit',
    'suggestion.accepted': 'Accepted a suggestion',
    'suggestion.rejected': 'Rejected a suggestion',
    'status.draft': 'Sent back to draft',
    'status.review': 'Sent for review',
    'status.approved': 'Approved the report',
    'status.issued': 'Issued',
    'version.created': 'Saved a version',
    'version.restored': 'Restored a version',
    'export.docx': 'Downloaded Word',
    'export.pdf': 'Downloaded PDF',
    'signed.uploaded': 'Uploaded the signed copy',
  },
  detail: {
    section: 'Section',
    count: (count) => `${count} edits`,
    hour: 'hour',
    from: 'from',
    to: 'to',
    address: 'address',
    reason: { password: 'wrong password', unknown: 'no such account', inactive: 'account disabled' },
    username: 'username',
  },
};
