/**
 * Reports: creating one from a template (writing each room's starting content, once, on the server) and
 * reading them as the API shows them.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { sectionSchema } from '../../common/editorSchema.js';
import type { Report, ReportSummary } from '../../common/report.js';
import { formatRoomName, FRAME_MAP, SECTION_FRAGMENT, sectionRoom } from '../../common/rooms.js';
import { toRoman } from '../../common/roman.js';
import { sectionStartingContent, type Template } from '../../common/template.js';
import { notFound } from '../errors.js';
import type { ReportRecord, Store } from '../storage/store.js';
import { REVIEW_STATE_MAP } from '../collab/reviewRoom.js';

export interface ReportService {
  create(templateId: string, title: string | undefined): Promise<Report>;
  list(): Promise<ReportSummary[]>;
  /** The report, or null when there is none with that id. */
  find(id: string): Promise<Report | null>;
  /** The report; throws not_found. */
  get(id: string): Promise<Report>;
}

function newId(): string {
  return randomBytes(9).toString('base64url');
}

function toSummary(record: ReportRecord): ReportSummary {
  const { id, title, status, templateId, docType, createdAt } = record;
  return { id, title, status, templateId, docType, createdAt };
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

/** The starting state of every room of a new report. */
function startingRooms(record: ReportRecord, template: Template): Map<string, Uint8Array> {
  const rooms = new Map<string, Uint8Array>();
  for (const section of template.sections) {
    const content = sectionStartingContent(section);
    rooms.set(
      sectionRoom(record.id, section.id),
      encode((doc) => prosemirrorJSONToYXmlFragment(sectionSchema, content, doc.getXmlFragment(SECTION_FRAGMENT))),
    );
  }
  rooms.set(
    formatRoomName({ reportId: record.id, part: { kind: 'frame' } }),
    encode((doc) => {
      const frame = doc.getMap(FRAME_MAP);
      frame.set('docType', template.docType);
      frame.set('subject', record.title);
    }),
  );
  rooms.set(
    formatRoomName({ reportId: record.id, part: { kind: 'review' } }),
    encode((doc) => doc.getMap(REVIEW_STATE_MAP).set('status', record.status)),
  );
  return rooms;
}

export function createReportService(store: Store, templates: readonly Template[]): ReportService {
  const service: ReportService = {
    async create(templateId, title) {
      const template = templates.find((candidate) => candidate.id === templateId);
      if (!template) throw notFound(`template "${templateId}"`);
      const record: ReportRecord = {
        id: newId(),
        title: title?.trim() || template.title,
        status: 'draft',
        templateId: template.id,
        docType: template.docType,
        createdAt: new Date().toISOString(),
        sections: template.sections.map((section) => ({ id: section.id, title: section.title, ownerDepartmentId: null })),
      };
      await store.createReport(record, startingRooms(record, template));
      return toReport(record);
    },
    async list() {
      return (await store.listReports()).map(toSummary);
    },
    async find(id) {
      const record = await store.getReport(id);
      return record ? toReport(record) : null;
    },
    async get(id) {
      const report = await service.find(id);
      if (!report) throw notFound(`report "${id}"`);
      return report;
    },
  };
  return service;
}
