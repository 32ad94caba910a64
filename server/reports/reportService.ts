/**
 * Reports: creating one from a template (writing each room's starting content, once, on the server),
 * reading them as the caller may see them, and assigning sections to departments.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { canManageReports, canSeeReport } from '../../common/access.js';
import { sectionSchema } from '../../common/editorSchema.js';
import type { Report, ReportSection, ReportSummary } from '../../common/report.js';
import { formatRoomName, FRAME_MAP, PREAMBLE_FRAGMENT, SECTION_FRAGMENT, sectionRoom } from '../../common/rooms.js';
import { toRoman } from '../../common/roman.js';
import { preambleStartingContent, sectionStartingContent, type Template } from '../../common/template.js';
import { reportGuidance, type ReportGuidance } from '../../common/guidance.js';
import type { ProseMirrorJSON } from '../../common/editorSchema.js';
import type { Identity } from '../auth/identity.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import type { ReportRecord, Store } from '../storage/store.js';
import { writeReviewState } from '../collab/reviewRoom.js';
import { readWorkspace } from '../accounts/workspaceSettings.js';
import type { Workspace } from '../../common/account.js';
import { documentSymbol } from '../../common/nd30Format.js';
import { formatDocumentNumber } from '../../common/workflow.js';
import { reportIssued } from '../workflow/workflowErrors.js';
import { AuditAction } from '../../common/auditActions.js';
import type { AuditRecord } from '../storage/reviewStore.js';

/** What a new report may bring besides its template: owners and content (the demo's sample report). */
export interface ReportSeed {
  title?: string;
  /** Section id → department id. */
  owners?: Record<string, string>;
  /** Section id → body, instead of the template's starting content. */
  bodies?: Record<string, ProseMirrorJSON>;
  /** The opening paragraphs, instead of the template's guidance. */
  preamble?: ProseMirrorJSON;
  /** Frame fields (CONTRACT.md keys), written into the frame room. */
  frame?: Record<string, string | string[]>;
}

export interface ReportService {
  /**
   * Creates a report (no caller checks): the demo seed and `create` use it; `by` is who the audit log names
   * (null: the server).
   */
  createFromTemplate(templateId: string, seed: ReportSeed, by?: string | null): Promise<Report>;
  create(caller: Identity, templateId: string, title: string | undefined): Promise<Report>;
  /** The reports the caller may see: those in use, or (issue 10, item 7) the archived ones. */
  list(caller: Identity, options?: { archived?: boolean }): Promise<ReportSummary[]>;
  /** The report, or null when there is none with that id; no visibility check. */
  find(id: string): Promise<Report | null>;
  /** The report if the caller may see it: 404, 403 otherwise. */
  get(caller: Identity, id: string): Promise<Report>;
  /** Gives a section to a department (or nobody); takes effect live through `onOwnershipChange`. */
  assign(caller: Identity, reportId: string, sectionId: string, ownerDepartmentId: string | null): Promise<ReportSection>;
  /**
   * The guidance of the report's template (common/guidance.ts), for the export to leave out what an older
   * report still holds as text; null when the template is no longer loaded.
   */
  guidanceOf(report: Pick<Report, 'templateId'>): ReportGuidance | null;
}

export interface ReportServiceDeps {
  store: Store;
  templates: readonly Template[];
  /** Called after owners change in the store, to update live rooms. */
  onOwnershipChange: (report: Report) => Promise<void>;
}

function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** The departments that own the report's sections, in section order, each once: who is involved. */
function departmentsOf(record: ReportRecord): string[] {
  return [...new Set(record.sections.flatMap((section) => (section.ownerDepartmentId === null ? [] : [section.ownerDepartmentId])))];
}

function toSummary(record: ReportRecord): ReportSummary {
  const { id, title, status, templateId, docType, createdAt, issue } = record;
  const housekeeping = { departmentIds: departmentsOf(record), ...(record.archived ? { archivedAt: record.archived.at } : {}) };
  const issued = issue
    ? {
        number: formatDocumentNumber(issue.number),
        symbol: issue.symbol,
        date: issue.date,
        issuedAt: issue.issuedAt,
        issuedBy: issue.issuedBy,
        issuedSha256: issue.sha256,
      }
    : {};
  return { id, title, status, templateId, docType, createdAt, ...issued, ...housekeeping };
}

function toReport(record: ReportRecord): Report {
  return {
    ...toSummary(record),
    sections: record.sections.map((section, index) => ({
      id: section.id,
      number: toRoman(index + 1),
      title: section.title,
      ownerDepartmentId: section.ownerDepartmentId,
      room: sectionRoom(record.id, section.id),
    })),
  };
}

function encode(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    build(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

function writeFrame(doc: Y.Doc, fields: Record<string, string | string[]>): void {
  const frame = doc.getMap(FRAME_MAP);
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      const list = new Y.Array<string>();
      list.push(value);
      frame.set(key, list);
    } else {
      frame.set(key, value);
    }
  }
}

/** The frame a new report starts with: the workspace's names, the template's type and footer. */
function startingFrame(template: Template, workspace: Workspace, title: string): Record<string, string | string[]> {
  return {
    parentAgency: workspace.parentAgencyName,
    agency: workspace.agencyName,
    number: '',
    symbol: documentSymbol(template.docSymbol, workspace.agencySymbol),
    place: workspace.placeName,
    date: '',
    docType: template.docType,
    subject: title,
    signAuthority: template.frame.signAuthority ?? '',
    signTitle: template.frame.signTitle ?? '',
    signerName: '',
    recipients: template.frame.recipients ?? [],
  };
}

/** The starting state of every room of a new report. */
function startingRooms(
  record: ReportRecord,
  template: Template,
  bodies: Record<string, ProseMirrorJSON>,
  frame: Record<string, string | string[]>,
  preamble: ProseMirrorJSON,
): Map<string, Uint8Array> {
  const rooms = new Map<string, Uint8Array>();
  for (const section of template.sections) {
    const content = bodies[section.id] ?? sectionStartingContent(section);
    rooms.set(
      sectionRoom(record.id, section.id),
      encode((doc) => prosemirrorJSONToYXmlFragment(sectionSchema, content, doc.getXmlFragment(SECTION_FRAGMENT))),
    );
  }
  rooms.set(
    formatRoomName({ reportId: record.id, part: { kind: 'frame' } }),
    encode((doc) => {
      writeFrame(doc, frame);
      prosemirrorJSONToYXmlFragment(sectionSchema, preamble, doc.getXmlFragment(PREAMBLE_FRAGMENT));
    }),
  );
  rooms.set(
    formatRoomName({ reportId: record.id, part: { kind: 'review' } }),
    encode((doc) => writeReviewState(doc, toReport(record))),
  );
  return rooms;
}

const ownersOf = (report: Report) => report.sections.map((section) => section.ownerDepartmentId);

export function createReportService({ store, templates, onOwnershipChange }: ReportServiceDeps): ReportService {
  const service: ReportService = {
    async createFromTemplate(templateId, seed, by = null) {
      const template = templates.find((candidate) => candidate.id === templateId);
      if (!template) throw notFound(`template "${templateId}"`);
      const workspace = await readWorkspace(store);
      const record: ReportRecord = {
        id: newId(),
        title: seed.title?.trim() || template.title,
        status: 'draft',
        templateId: template.id,
        docType: template.docType,
        createdAt: new Date().toISOString(),
        sections: template.sections.map((section) => ({
          id: section.id,
          title: section.title,
          ownerDepartmentId: seed.owners?.[section.id] ?? null,
        })),
      };
      const frame = { ...startingFrame(template, workspace, record.title), ...seed.frame };
      const preamble = seed.preamble ?? preambleStartingContent(template);
      const created: AuditRecord = {
        reportId: record.id,
        at: record.createdAt,
        userId: by,
        action: AuditAction.reportCreated,
        detail: { templateId: template.id },
      };
      await store.createReport(record, startingRooms(record, template, seed.bodies ?? {}, frame, preamble), [created]);
      return toReport(record);
    },
    async create(caller, templateId, title) {
      if (!canManageReports(caller.role)) throw forbidden('only the office creates reports');
      return service.createFromTemplate(templateId, { title }, caller.userId);
    },
    async list(caller, { archived = false } = {}) {
      const records = await store.listReports();
      return records
        .filter((record) => (record.archived !== undefined) === archived)
        .filter((record) => canSeeReport(caller, record.sections.map((section) => section.ownerDepartmentId)))
        .map(toSummary);
    },
    async find(id) {
      const record = await store.getReport(id);
      return record ? toReport(record) : null;
    },
    async get(caller, id) {
      const report = await service.find(id);
      if (!report) throw notFound(`report "${id}"`);
      if (!canSeeReport(caller, ownersOf(report))) throw forbidden('this report is not shared with you');
      return report;
    },
    async assign(caller, reportId, sectionId, ownerDepartmentId) {
      if (!canManageReports(caller.role)) throw forbidden('only the office assigns sections');
      if (ownerDepartmentId !== null) {
        const department = await store.getDepartment(ownerDepartmentId);
        if (!department) throw badRequest(`ownerDepartmentId: no department "${ownerDepartmentId}"`);
        if (department.disabled) throw badRequest(`ownerDepartmentId: department "${department.name}" is disabled`);
      }
      const record = await store.getReport(reportId);
      if (!record) throw notFound(`report "${reportId}"`);
      // Issue 10: who writes a section no longer matters once nobody may write.
      if (record.status === 'issued') throw reportIssued();
      const previous = record.sections.find((section) => section.id === sectionId);
      if (!previous) throw notFound(`section "${sectionId}"`);
      const assigned: AuditRecord = {
        reportId,
        at: new Date().toISOString(),
        userId: caller.userId,
        action: AuditAction.sectionAssigned,
        detail: { sectionId, from: previous.ownerDepartmentId ?? '', to: ownerDepartmentId ?? '' },
      };
      if (!(await store.setSectionOwner(reportId, sectionId, ownerDepartmentId, assigned))) throw notFound(`section "${sectionId}"`);
      const report = (await service.find(reportId))!;
      await onOwnershipChange(report);
      return report.sections.find((section) => section.id === sectionId)!;
    },
    guidanceOf(report) {
      const template = templates.find((candidate) => candidate.id === report.templateId);
      return template ? reportGuidance(template) : null;
    },
  };
  return service;
}
