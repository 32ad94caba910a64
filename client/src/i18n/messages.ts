/** The shape of a dictionary: every string the interface shows, in one language. */
import type { Role } from '../../../common/access.js';
import type { ReportStatus } from '../../../common/report.js';
import type { SectionReviewState } from '../../../common/review.js';
import type { ReviewMessages } from './review.js';
import type { AuditMessages } from './audit.js';
import type { HousekeepingMessages } from './housekeeping.js';
import type { SigningMessages } from './signing.js';
import type { PrintMessages } from './print.js';
import type { VersionsMessages } from './versions.js';
import type { WorkflowMessages } from './workflow.js';
import type { ChecksMessages } from './checks.js';
import type { NavigationMessages } from './navigation.js';
import type { SaveState } from '../collab/saveState.js';

/** Every string the client shows. Each language provides all of them; the type checker enforces it. */
export interface Messages {
  appName: string;
  languageSwitch: string;
  /** The language offered by the toggle, written in that language ("English" from Vietnamese). */
  otherLanguageName: string;
  /** The review sidebar: comments, replies, mentions, suggested edits (i18n/review.ts). */
  review: ReviewMessages;
  /** The audit log page (i18n/audit.ts). */
  audit: AuditMessages;
  /** Renaming, copying, archiving, deleting reports (i18n/housekeeping.ts). */
  housekeeping: HousekeepingMessages;
  /** The issued report's PDF for signing and its signed copy (i18n/signing.ts). */
  signing: SigningMessages;
  /** The print preview (i18n/print.ts). */
  print: PrintMessages;
  /** Named versions: the panel, a version opened, compared, restored (i18n/versions.ts). */
  versions: VersionsMessages;
  /** The workflow: status, its buttons, issuing, the issued report (i18n/workflow.ts). */
  workflow: WorkflowMessages;
  /** The form checker: its panel and the errors that stop an issue (i18n/checks.ts). */
  checks: ChecksMessages;
  /** The outline, and find and replace across the report (i18n/navigation.ts). */
  navigation: NavigationMessages;
  login: {
    title: string;
    intro: string;
    username: string;
    password: string;
    submit: string;
    submitting: string;
    /** Wrong username or password (401). */
    invalidCredentials: string;
    /** Too many failed attempts (429), with the wait the server asked for. */
    tooManyAttempts: (seconds: number) => string;
    /** Too many failed attempts, when the server gave no wait. */
    tooManyAttemptsNoWait: string;
    /** Any other failure, before the server's message. */
    failed: string;
  };
  session: {
    loading: string;
    loadError: string;
    retry: string;
  };
  account: {
    /** The label of the header's account area, for screen readers. */
    label: string;
    logout: string;
    admin: string;
    roles: Record<Role, string>;
    /** An account without a department. */
    noDepartment: string;
  };
  list: {
    heading: string;
    loading: string;
    /** No reports, to someone who may create them. */
    empty: string;
    /** No reports, to someone who only sees those of their department. */
    emptyReader: string;
    loadError: string;
    columnTitle: string;
    columnStatus: string;
    columnCreated: string;
    /** The column of how many sections the chairperson has approved. */
    columnReview: string;
    /** "3/4 phần đã duyệt". */
    approvedSections: (approved: number, total: number) => string;
    /** The badge on a report with unread comments that mention the person or their department. */
    mentionsBadge: (count: number) => string;
    /** The same badge, said in full to screen readers. */
    mentionsBadgeLabel: (count: number) => string;
  };
  status: Record<ReportStatus, string>;
  create: {
    heading: string;
    template: string;
    chooseTemplate: string;
    title: string;
    titlePlaceholder: string;
    submit: string;
    creating: string;
    templatesError: string;
    sectionCount: (count: number) => string;
  };
  report: {
    backToList: string;
    /** The link that downloads the report as a Word file. */
    exportWord: string;
    /** The same, with the open comments and suggested edits as Word comments (issue 9). */
    exportWordWithComments: string;
    /** The label of the opening paragraphs' editor (before section I). */
    preamble: string;
    loading: string;
    loadError: string;
    owner: string;
    unassigned: string;
    /** Shown beside the owner when it is the reader's own department. */
    yourDepartment: string;
    /** A department id the list does not know (deleted, or the list failed to load). */
    unknownDepartment: string;
    sectionLoading: string;
    /** The report is not shared with the person (403). */
    notShared: string;
    /** The report was shared with the person's department, and is not any more. */
    noLongerShared: string;
    /** The label of the office's select that gives a section to a department. */
    assign: string;
    assignError: string;
    readOnly: {
      /** The section belongs to another department. */
      otherDepartment: (departmentName: string) => string;
      /** An editor, on a section no department owns yet. */
      unassigned: string;
      chair: string;
    };
    /** Text typed into a section the person can no longer write, kept in the browser and shown below it. */
    kept: {
      /** The section went to another department. */
      reassigned: (departmentName: string) => string;
      /** Any other loss of the right to write (unassigned, a new role or department). */
      noLongerYours: string;
      /** The person may no longer write the header, footer and opening paragraphs (their role changed). */
      frame: string;
      /** The panel's name, beside its buttons. */
      label: string;
      copy: string;
      copied: string;
      /** Removes the kept text from this computer. */
      discard: string;
      discardConfirm: string;
    };
  };
  /** The chairperson's verdict on a section, beside its heading (issue 9); not printed. */
  verdict: {
    /** The group of the verdict and the chairperson's buttons, for screen readers. */
    label: string;
    /** The chip of each state; `none` is shown to nobody. */
    states: Record<SectionReviewState, string>;
    approve: string;
    /** Opens the form for the note the section is returned with. */
    return: string;
    /** The same button on a returned section: opens the form with its note, to change it. */
    editNote: string;
    /** Approved: by whom and when. */
    approvedBy: (name: string, when: string) => string;
    /** Returned: by whom and when, after the note. */
    returnedBy: (name: string, when: string) => string;
    /** Changed after approval: when (the room does not name who, unless it was the reader). */
    changedAt: (when: string) => string;
    changedByYou: (when: string) => string;
    /** Edited after approval by someone else, named. */
    changedBy: (name: string, when: string) => string;
    noteLabel: string;
    notePlaceholder: string;
    /** The note was left empty. */
    noteRequired: string;
    submitReturn: string;
    cancel: string;
    /** How the form is sent or left from the keyboard. */
    keys: string;
    error: string;
  };
  presence: {
    label: string;
    you: string;
  };
  saveState: Record<SaveState, string> & {
    connecting: string;
    /** Local changes the server has not confirmed yet. */
    unsent: (count: number) => string;
    /** The tooltip of that count when the browser keeps every one of them. */
    keptLocally: string;
    /** …and when it does not (yet). */
    notKeptLocally: string;
  };
  toolbar: {
    label: string;
    bold: string;
    italic: string;
    heading: string;
    subheading: string;
    bulletList: string;
    /** Inserts an award tally after the current paragraph. */
    insertTally: string;
    /** How to reach the toolbar from the text and back (its tooltip): Alt+F10, Esc. */
    keyboardHint: string;
    /** Inserts a 3×3 table with a header row. */
    insertTable: string;
    /** The buttons shown while the caret is in a table. */
    tableGroup: string;
    addRowAfter: string;
    addColumnAfter: string;
    deleteRow: string;
    deleteColumn: string;
    deleteTable: string;
  };
  /** The header and footer of the report (the frame room); what is printed stays in Vietnamese. */
  frame: {
    /** Shown above the header to whoever may not change it. */
    readOnly: string;
    loading: string;
    parentAgency: string;
    parentAgencyPlaceholder: string;
    agency: string;
    agencyPlaceholder: string;
    number: string;
    /** Why the number cannot be typed: it is given at issue. */
    numberHint: string;
    symbol: string;
    place: string;
    date: string;
    subject: string;
    subjectPlaceholder: string;
    recipient: (position: number) => string;
    recipientPlaceholder: string;
    addRecipient: string;
    removeRecipient: (position: number) => string;
    signAuthority: string;
    /** What each form of SIGN_AUTHORITIES (common/frame.ts) means, in its order. */
    signAuthorityMeanings: readonly string[];
    /** A stored authority line that is none of the standard forms. */
    otherAuthority: string;
    signTitle: string;
    signerName: string;
    signerPlaceholder: string;
    /** The document type ("BÁO CÁO"), named where its value is shown outside the header. */
    docType: string;
    /** The recipients ("Nơi nhận"), named where they are shown outside the footer. */
    recipients: string;
  };
  /** The award tally inside a section. */
  tally: {
    label: string;
    award: (position: number) => string;
    collectives: (position: number) => string;
    individuals: (position: number) => string;
    chooseAward: string;
    /** An award id the catalogue does not know. */
    unknownAward: (id: string) => string;
    addRow: string;
    removeRow: (position: number) => string;
    removeTally: string;
    /** Where the prose will be, while no row counts anything. */
    prosePending: string;
    catalogueLoading: string;
    catalogueError: string;
    /** Counts are whole numbers. */
    notWhole: string;
    /** The form goes to collectives only: no individuals. */
    onlyCollectives: (award: string) => string;
    /** The form goes to individuals only: no collectives. */
    onlyIndividuals: (award: string) => string;
  };
  /** What went wrong, by kind, before the server's own words (which name the field at fault). */
  errors: {
    network: string;
    forbidden: string;
    invalidInput: string;
    notFound: string;
    conflict: string;
    server: string;
  };
  admin: {
    title: string;
    forbidden: string;
    save: string;
    saving: string;
    saved: string;
    cancel: string;
    loadError: string;
    workspace: {
      heading: string;
      intro: string;
      agencyName: string;
      agencyPlaceholder: string;
      parentAgencyName: string;
      parentAgencyPlaceholder: string;
      agencySymbol: string;
      agencySymbolHint: string;
      placeName: string;
      placePlaceholder: string;
      error: string;
    };
    departments: {
      heading: string;
      intro: string;
      name: string;
      status: string;
      actions: string;
      active: string;
      disabled: string;
      disable: string;
      enable: string;
      rename: string;
      newName: string;
      newPlaceholder: string;
      /** 409: the name exists. */
      nameTaken: string;
      create: string;
      empty: string;
      error: string;
    };
    users: {
      heading: string;
      intro: string;
      username: string;
      displayName: string;
      role: string;
      department: string;
      status: string;
      actions: string;
      password: string;
      passwordHint: (minimum: number) => string;
      create: string;
      createHeading: string;
      noDepartment: string;
      active: string;
      disabled: string;
      disable: string;
      enable: string;
      resetPassword: string;
      newPassword: string;
      setPassword: string;
      passwordSet: (username: string) => string;
      /** 409: the username exists. */
      usernameTaken: string;
      you: string;
      error: string;
    };
  };
}
