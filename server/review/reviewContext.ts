/**
 * What every part of the review needs: the store, the reports (who may see which), the live rooms, the
 * mirror into the review room, a clock and ids, and a few helpers they share.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Report, ReportSection } from '../../common/report.js';
import type { Author } from '../../common/review.js';
import type { Identity } from '../auth/identity.js';
import { badRequest, notFound } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import type { AuditRecord } from '../storage/reviewStore.js';
import type { Store } from '../storage/store.js';
import { reportIssued } from '../workflow/workflowErrors.js';
import type { ReviewRooms } from './reviewRooms.js';
import type { SectionApprovals } from './sectionApprovals.js';

export interface ReviewDeps {
  store: Store;
  /** Reading a report as the caller may see it (404, 403). */
  reports: Pick<ReportService, 'get'>;
  rooms: ReviewRooms;
  logger: FastifyBaseLogger;
  /** The current time as ISO 8601, UTC. */
  now?: () => string;
  /** A new random id for a thread, reply or suggestion. */
  newId?: () => string;
  /** Which sections are approved, known without a read on every keystroke; by default one of the review's own. */
  approvals?: SectionApprovals;
  /**
   * Tells the other instances that a section's verdict changed, resolving once they know (scale/liveEvents.ts);
   * by default nobody (this instance is alone).
   */
  sectionReviewed?: (reportId: string, sectionId: string) => Promise<void>;
}

/** The deps with their defaults filled in, and the mirror of the review room. */
export interface ReviewContext extends Required<ReviewDeps> {
  /** Brings the review room in line with the database for a report; failures are logged, not thrown. */
  publish(reportId: string): Promise<void>;
}

export const defaultNow = () => new Date().toISOString();
export const defaultNewId = () => randomBytes(9).toString('base64url');

/** Who wrote something, as they are now. */
export function authorOf(caller: Identity): Author {
  return { id: caller.userId, displayName: caller.displayName, departmentId: caller.departmentId };
}

/**
 * The section of a report; a section named in a body that the report lacks is a bad request (400), one
 * named in the path is not found (404).
 */
export function sectionOf(report: Report, sectionId: string, namedIn: 'body' | 'path'): ReportSection {
  const section = report.sections.find((candidate) => candidate.id === sectionId);
  if (section) return section;
  if (namedIn === 'body') throw badRequest(`sectionId: the report has no section "${sectionId}"`);
  throw notFound(`section "${sectionId}"`);
}

/**
 * The report, if its review may still change: an issued report's comments, suggestions and verdicts are
 * final (409 `report_issued`, issue 10); reading them stays allowed.
 */
export function changeable(report: Report): Report {
  if (report.status === 'issued') throw reportIssued();
  return report;
}

/** An audit entry of a change made at `at` by `userId`. */
export function auditEntry(reportId: string, userId: string | null, at: string, action: string, detail: Record<string, string>): AuditRecord {
  return { reportId, at, userId, action, detail };
}
