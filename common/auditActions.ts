/**
 * The names of the audit log's actions (issue 10, item 6), in one place: the server writes them, the
 * client labels them, and whoever adds an action (the signed copy's upload, for one) takes its name from
 * here. An action is `<family>.<what>`; the log can be filtered by either. The review's and the
 * workflow's names (issue 9, issue 10 items 1–5) are listed so the client knows them too.
 */
export const AuditAction = {
  /** A sign-in, detail `{address}`; workspace-wide (no report). */
  signInSucceeded: 'signin.succeeded',
  /**
   * A refused sign-in (wrong password, unknown or disabled account), detail `{username, address, reason}`:
   * `reason` is `password`, `unknown` or `inactive`; `userId` is the account's when it exists.
   */
  signInFailed: 'signin.failed',
  /** Detail `{templateId}`, and `{copiedFrom}` for a copy. */
  reportCreated: 'report.created',
  /** On the report copied, detail `{copyId}`. */
  reportCopied: 'report.copied',
  /** Detail `{from, to}` (the titles). */
  reportRenamed: 'report.renamed',
  reportArchived: 'report.archived',
  reportUnarchived: 'report.unarchived',
  /** Detail `{title}`: the entries of a deleted report stay, and this says what it was. */
  reportDeleted: 'report.deleted',
  /** Detail `{sectionId, from, to}`: department ids, `''` for nobody. */
  sectionAssigned: 'section.assigned',
  /**
   * The edits one person stored in one section in one hour, detail `{sectionId, hour, count}` (`hour`: its
   * start, ISO 8601 UTC); `at` is the last of them.
   */
  sectionEdited: 'section.edited',
  /** The same for the frame (header, footer, opening paragraphs), detail `{hour, count}`. */
  frameEdited: 'frame.edited',
  /** A Word download, detail `{issued: "1", sha256}` for the file stored at issuing, `{comments: "1"}` with comments. */
  exportDocx: 'export.docx',
  /**
   * A download of the issued report's PDF, detail `{sha256}`; `{sha256, rendered: "1"}` for the one that
   * rendered it (and stored it: every later download returns those bytes); `{preview: "1"}` for a print
   * preview (issue 12), the current export rendered and not stored.
   */
  exportPdf: 'export.pdf',
  /** The signed copy uploaded, detail `{sha256, size, fileName, contentType}` (and `signedBy`, the signers' names, for a signed PDF). */
  signedUploaded: 'signed.uploaded',
} as const;

export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

/**
 * The families the log is filtered by, in the order offered: everything of a family is `<family>.*`. The
 * review's (`comment`, `suggestion`, `section` verdicts) and the workflow's (`status`, `version`) included.
 */
export const AUDIT_FAMILIES = ['signin', 'report', 'section', 'frame', 'comment', 'suggestion', 'status', 'version', 'export', 'signed'] as const;

export type AuditFamily = (typeof AUDIT_FAMILIES)[number];
