/**
 * The form checker on the server (issue 12): a report's rooms read as stored — the store holds every edit a
 * room has relayed, since it persists before it broadcasts — and checked by the shared rules
 * (common/checks). `GET /api/reports/:id/checks` answers with it, and issuing asks it before freezing and
 * again once frozen (issue.ts).
 */
import * as Y from 'yjs';
import type { AwardCatalogue } from '../../common/awards.js';
import type { CheckMode, Finding } from '../../common/checks/finding.js';
import { readReportContent, type CheckContext } from '../../common/checks/reportContent.js';
import { runChecks } from '../../common/checks/runChecks.js';
import { VOCABULARY } from '../../common/checks/vocabularyList.js';
import type { FrameFields } from '../../common/frame.js';
import type { Report } from '../../common/report.js';
import { formatRoomName } from '../../common/rooms.js';
import type { Template } from '../../common/template.js';
import type { Identity } from '../auth/identity.js';
import type { ReportService } from '../reports/reportService.js';
import type { DocumentStore } from '../storage/store.js';
import { docFromStored } from '../storage/storedDocument.js';

/** What an issue is about to write into the frame, checked as if it were there. */
export type IssueFields = Partial<Pick<FrameFields, 'number' | 'date'>>;

export interface CheckService {
  /** The findings about a report the caller may read (403, 404 otherwise), as stored. */
  check(caller: Identity, reportId: string, mode: CheckMode): Promise<Finding[]>;
  /** The findings about `report` as stored, in the issuing mode, with `fields` written over the frame's. */
  checkStored(report: Report, mode: CheckMode, fields?: IssueFields): Promise<Finding[]>;
}

export interface CheckDeps {
  store: Pick<DocumentStore, 'loadDocument'>;
  reports: Pick<ReportService, 'get'>;
  templates: readonly Template[];
  catalogue: AwardCatalogue;
}

export function createCheckService({ store, reports, templates, catalogue }: CheckDeps): CheckService {
  const contextOf = (report: Report): CheckContext => {
    const template = templates.find((candidate) => candidate.id === report.templateId);
    return { guidance: template ?? null, catalogue, vocabulary: VOCABULARY };
  };

  async function checkStored(report: Report, mode: CheckMode, fields: IssueFields = {}): Promise<Finding[]> {
    const docs: Y.Doc[] = [];
    const load = async (room: string) => {
      const doc = docFromStored(await store.loadDocument(room));
      docs.push(doc);
      return doc;
    };
    try {
      const frame = await load(formatRoomName({ reportId: report.id, part: { kind: 'frame' } }));
      const sections = [];
      for (const section of report.sections) sections.push({ id: section.id, number: section.number, title: section.title, doc: await load(section.room) });
      const content = readReportContent({ frame, sections });
      return runChecks({ ...content, frame: { ...content.frame, ...fields } }, contextOf(report), mode);
    } finally {
      for (const doc of docs) doc.destroy();
    }
  }

  return {
    async check(caller, reportId, mode) {
      return checkStored(await reports.get(caller, reportId), mode);
    },
    checkStored,
  };
}
