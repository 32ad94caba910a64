/**
 * Which reports are frozen: issued (their stored status says so), or being issued by this process — from
 * the moment issuing starts, before the status is stored, so that nothing written meanwhile can slip
 * between the final Word file and the status. Rights to the report's rooms (server/collab/authorise.ts),
 * the server's own writes into its sections (server/review/reviewRooms.ts) and the review's changes all
 * ask here. A hold taken by an issue that failed is released; one that succeeded is kept, so a check that
 * read the report before the status changed still sees it frozen.
 */
import type { Report } from '../../common/report.js';

export class Freezes {
  private readonly held = new Set<string>();

  /** True when the report is issued, or being issued. */
  isFrozen(report: Pick<Report, 'id' | 'status'>): boolean {
    return report.status === 'issued' || this.held.has(report.id);
  }

  /** True while this process issues the report, or has issued it. */
  isHeld(reportId: string): boolean {
    return this.held.has(reportId);
  }

  /** Freezes the report ahead of its status (issuing starts). */
  hold(reportId: string): void {
    this.held.add(reportId);
  }

  /** Issuing failed: the report is as writable as its status says. */
  release(reportId: string): void {
    this.held.delete(reportId);
  }
}
