/**
 * The strings of the review sidebar (issue 9): comment threads, replies, mentions and suggested edits, in
 * both languages. Kept apart from the main dictionary because it is one concept of its own.
 */

export interface ReviewMessages {
  /** The sidebar, for screen readers. */
  sidebarLabel: string;
  /** Nothing to show yet. */
  empty: string;
  /** The sidebar failed (a bug); the text can still be written. */
  failed: string;
  /** The button that comments on the selected text, and its keyboard shortcut. */
  comment: string;
  commentShortcut: string;
  /** The button that proposes replacing the selected text. */
  suggest: string;
  /** Why "Đề xuất sửa" is not offered for a selection over several paragraphs. */
  suggestOneParagraph: string;
  composerLabel: string;
  composerPlaceholder: string;
  replyLabel: string;
  replyPlaceholder: string;
  send: string;
  sending: string;
  cancel: string;
  reply: string;
  resolve: string;
  reopen: string;
  /** A resolved thread's line, with who resolved it. */
  resolvedBy: (name: string) => string;
  /** The anchored text was deleted; the thread keeps its quote. */
  detached: string;
  showResolved: (count: number) => string;
  hideResolved: string;
  /** A thread that mentions the reader and they have not opened yet. */
  unread: string;
  /** The list "@" opens. */
  mentionListLabel: string;
  mentionDepartment: string;
  mentionPerson: string;
  suggestionTitle: string;
  /** Replacing the quoted text with another. */
  replaceWith: string;
  /** A suggestion with an empty replacement. */
  deletion: string;
  replacementLabel: string;
  accept: string;
  reject: string;
  accepted: string;
  rejected: string;
  /** A failed action, before the server's message. */
  actionError: string;
  /** Accepting a suggestion whose text changed since (409 `suggestion_stale`). */
  stale: string;
  /** A card's label for screen readers: whose comment, on what. */
  threadLabel: (author: string, quote: string) => string;
  suggestionLabel: (author: string, quote: string) => string;
  /** The comment's time, as "dd/mm/yyyy hh:mm". */
  at: (iso: string) => string;
}

/** "dd/mm/yyyy hh:mm" in the reader's time zone (ND30.md: dates as dd/mm/yyyy). */
function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

export const reviewVi: ReviewMessages = {
  sidebarLabel: 'Bình luận và đề xuất sửa',
  empty: 'Chưa có bình luận. Chọn một đoạn văn bản để bình luận.',
  failed: 'Không hiển thị được bình luận. Hãy tải lại trang; nội dung đang soạn không bị ảnh hưởng.',
  comment: 'Bình luận',
  commentShortcut: 'Ctrl+Alt+M',
  suggest: 'Đề xuất sửa',
  suggestOneParagraph: 'Chỉ đề xuất sửa được trong một đoạn',
  composerLabel: 'Nội dung bình luận',
  composerPlaceholder: 'Viết bình luận… Gõ @ để nhắc đến phòng ban hoặc người',
  replyLabel: 'Trả lời bình luận',
  replyPlaceholder: 'Trả lời… Gõ @ để nhắc đến',
  send: 'Gửi',
  sending: 'Đang gửi…',
  cancel: 'Hủy',
  reply: 'Trả lời',
  resolve: 'Đã giải quyết',
  reopen: 'Mở lại',
  resolvedBy: (name) => `Đã giải quyết bởi ${name}`,
  detached: 'Đoạn được bình luận đã bị xóa',
  showResolved: (count) => `Hiện ${count} mục đã giải quyết`,
  hideResolved: 'Ẩn các mục đã giải quyết',
  unread: 'Mới',
  mentionListLabel: 'Nhắc đến',
  mentionDepartment: 'Phòng ban',
  mentionPerson: 'Người',
  suggestionTitle: 'Đề xuất sửa',
  replaceWith: 'thành',
  deletion: 'Xóa đoạn này',
  replacementLabel: 'Sửa thành',
  accept: 'Chấp nhận',
  reject: 'Từ chối',
  accepted: 'Đã chấp nhận',
  rejected: 'Đã từ chối',
  actionError: 'Không thực hiện được',
  stale: 'Đoạn văn đã thay đổi từ khi đề xuất nên không chấp nhận được. Hãy từ chối, hoặc đề xuất lại trên đoạn mới.',
  threadLabel: (author, quote) => `Bình luận của ${author} về “${quote}”`,
  suggestionLabel: (author, quote) => `Đề xuất sửa của ${author} cho “${quote}”`,
  at: dateTime,
};

export const reviewEn: ReviewMessages = {
  sidebarLabel: 'Comments and suggested edits',
  empty: 'No comments yet. Select some text to comment on it.',
  failed: 'The comments could not be shown. Reload the page; what you are writing is not affected.',
  comment: 'Comment',
  commentShortcut: 'Ctrl+Alt+M',
  suggest: 'Suggest edit',
  suggestOneParagraph: 'An edit can be suggested within one paragraph only',
  composerLabel: 'Comment',
  composerPlaceholder: 'Write a comment… Type @ to mention a department or person',
  replyLabel: 'Reply to the comment',
  replyPlaceholder: 'Reply… Type @ to mention',
  send: 'Send',
  sending: 'Sending…',
  cancel: 'Cancel',
  reply: 'Reply',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolvedBy: (name) => `Resolved by ${name}`,
  detached: 'The commented text has been deleted',
  showResolved: (count) => `Show ${count} resolved`,
  hideResolved: 'Hide resolved',
  unread: 'New',
  mentionListLabel: 'Mention',
  mentionDepartment: 'Department',
  mentionPerson: 'Person',
  suggestionTitle: 'Suggested edit',
  replaceWith: 'to',
  deletion: 'Delete this text',
  replacementLabel: 'Replace with',
  accept: 'Accept',
  reject: 'Reject',
  accepted: 'Accepted',
  rejected: 'Rejected',
  actionError: 'Could not do that',
  stale: 'The text has changed since this was suggested, so it cannot be accepted. Reject it, or suggest again on the new text.',
  threadLabel: (author, quote) => `Comment by ${author} on “${quote}”`,
  suggestionLabel: (author, quote) => `Edit suggested by ${author} for “${quote}”`,
  at: dateTime,
};
