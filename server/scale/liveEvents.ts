/**
 * Changes of rights reach the connections of every instance (issue 11, item 3), not only those of the
 * instance that made the change: a section given to another department, a session ended, an account's
 * role changed or disabled, a report frozen for issuing (and thawed if that failed), a report deleted —
 * and a section approved or returned (what each instance knows of approvals, review/sectionApprovals.ts).
 *
 * Each change is applied here, then sent to the other instances, and the call resolves only once every
 * instance that heard it has applied it in its rooms' order (each answers `done`). So when the REST call
 * that made the change answers, an edit sent after it through any instance is judged by the new rights.
 * Freezing must reach everyone — an issue whose freeze is not confirmed by every instance fails — the
 * others are applied even if an instance does not answer in time (it is logged: its sessions are checked
 * again by the session watch, its rooms re-read when it reconnects).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Report } from '../../common/report.js';
import type { AccountSubject } from '../accounts/accountService.js';
import { concerns } from '../accounts/accountService.js';
import { closeConnectionsOf, publishOwnership, reauthoriseReport, type AccountChange } from '../collab/liveAccess.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';
import type { SectionApprovals } from '../review/sectionApprovals.js';
import type { Freezes } from '../workflow/freezes.js';
import type { RoomBus } from './roomBus.js';

/** What one instance tells the others; `request` and `from` are added when it is sent. */
export type LiveChange =
  | { kind: 'ownership'; reportId: string }
  | { kind: 'sessionEnded'; sessionId: string }
  | { kind: 'account'; who: AccountSubject; change: AccountChange }
  | { kind: 'frozen'; reportId: string; frozen: boolean }
  | { kind: 'reportDeleted'; reportId: string; code: number; reason: string }
  | { kind: 'sectionReviewed'; reportId: string; sectionId: string };

export type LiveEvent =
  | (LiveChange & { request: string; from: string })
  /** Instance `from` has applied the change `request`. */
  | { kind: 'done'; request: string; from: string };

/** Thrown when not every instance confirmed a freeze in time: the issue must not go on. */
export class FreezeNotConfirmedError extends Error {
  override readonly name = 'FreezeNotConfirmedError';
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

/** A live event read from the bus, or null when it is not one. */
export function parseLiveEvent(text: string): LiveEvent | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !isText(value.request) || !isText(value.from)) return null;
  const base = { request: value.request, from: value.from };
  switch (value.kind) {
    case 'done':
      return { kind: 'done', ...base };
    case 'ownership':
      return isText(value.reportId) ? { kind: 'ownership', reportId: value.reportId, ...base } : null;
    case 'sessionEnded':
      return isText(value.sessionId) ? { kind: 'sessionEnded', sessionId: value.sessionId, ...base } : null;
    case 'account': {
      const who = value.who as Record<string, unknown> | null;
      const change = value.change;
      if (change !== 'ended' && change !== 'rights') return null;
      if (who && isText(who.userId)) return { kind: 'account', who: { userId: who.userId }, change, ...base };
      if (who && isText(who.departmentId)) return { kind: 'account', who: { departmentId: who.departmentId }, change, ...base };
      return null;
    }
    case 'frozen':
      return isText(value.reportId) && typeof value.frozen === 'boolean'
        ? { kind: 'frozen', reportId: value.reportId, frozen: value.frozen, ...base }
        : null;
    case 'sectionReviewed':
      return isText(value.reportId) && isText(value.sectionId)
        ? { kind: 'sectionReviewed', reportId: value.reportId, sectionId: value.sectionId, ...base }
        : null;
    case 'reportDeleted':
      return isText(value.reportId) && typeof value.code === 'number' && typeof value.reason === 'string'
        ? { kind: 'reportDeleted', reportId: value.reportId, code: value.code, reason: value.reason.slice(0, 120), ...base }
        : null;
    default:
      return null;
  }
}

export interface LiveEventsDeps {
  registry: RoomRegistry;
  freezes: Freezes;
  /** What this instance knows of approved sections: another instance's verdicts make it read them again. */
  approvals: SectionApprovals;
  findReport: (id: string) => Promise<Report | null>;
  /** Null when this instance is alone. */
  bus: RoomBus | null;
  logger: FastifyBaseLogger;
  /** How long to wait for every instance to confirm a change, in ms. */
  confirmTimeoutMs?: number;
}

export class LiveEvents {
  private readonly waiting = new Map<string, { confirmed: number; expected: number | null; done: () => void }>();
  private readonly timeoutMs: number;

  constructor(private readonly deps: LiveEventsDeps) {
    this.timeoutMs = deps.confirmTimeoutMs ?? 5_000;
    deps.bus?.onEvent((event) => void this.hear(event));
    deps.bus?.onReconnect(() => void this.rereadLiveReports());
  }

  /** A section changed owner: the review room shows it, and everyone connected gets the access it gives. */
  async ownershipChanged(report: Report): Promise<void> {
    await publishOwnership(this.deps.registry, report, this.deps.freezes.isFrozen(report));
    await this.tellOthers({ kind: 'ownership', reportId: report.id }, false);
  }

  /** A session ended: its connections, wherever they are, close with 4401. */
  async sessionEnded(sessionId: string): Promise<void> {
    await this.apply({ kind: 'sessionEnded', sessionId });
    await this.tellOthers({ kind: 'sessionEnded', sessionId }, false);
  }

  /** Accounts changed: their connections close with 4401 (ended) or 4100 (rights). */
  async accountChanged(who: AccountSubject, change: AccountChange): Promise<void> {
    await this.apply({ kind: 'account', who, change });
    await this.tellOthers({ kind: 'account', who, change }, false);
  }

  /**
   * Freezes (issuing starts) or thaws (it failed) a report for every connection on every instance. Freezing
   * throws {@link FreezeNotConfirmedError} when an instance does not confirm it in time.
   */
  async setFrozen(report: Report, frozen: boolean): Promise<void> {
    await reauthoriseReport(this.deps.registry, report, this.deps.freezes.isFrozen(report) || frozen);
    await this.tellOthers({ kind: 'frozen', reportId: report.id, frozen }, frozen);
  }

  /** A report was deleted: its rooms close everywhere and are not loaded again. */
  async reportDeleted(reportId: string, code: number, reason: string): Promise<void> {
    await this.apply({ kind: 'reportDeleted', reportId, code, reason });
    await this.tellOthers({ kind: 'reportDeleted', reportId, code, reason }, false);
  }

  /** A section was approved or returned here: the other instances read its state again at its next edit. */
  async sectionReviewed(reportId: string, sectionId: string): Promise<void> {
    await this.tellOthers({ kind: 'sectionReviewed', reportId, sectionId }, false);
  }

  /** Applies a change made on another instance (or, for most, on this one) to this instance's rooms. */
  private async apply(change: LiveChange): Promise<void> {
    const { registry, freezes } = this.deps;
    switch (change.kind) {
      case 'ownership': {
        const report = await this.deps.findReport(change.reportId);
        if (report) await reauthoriseReport(registry, report, freezes.isFrozen(report));
        return;
      }
      case 'sessionEnded':
        await closeConnectionsOf(registry, (identity) => identity.sessionId === change.sessionId, 'ended');
        return;
      case 'account':
        await closeConnectionsOf(registry, (identity) => concerns(change.who, identity), change.change);
        return;
      case 'frozen': {
        if (change.frozen) freezes.hold(change.reportId);
        else freezes.release(change.reportId);
        const report = await this.deps.findReport(change.reportId);
        if (report) await reauthoriseReport(registry, report, freezes.isFrozen(report));
        return;
      }
      case 'reportDeleted':
        this.deps.approvals.forgetAll(change.reportId);
        await registry.closeReport(change.reportId, change.code, change.reason);
        return;
      case 'sectionReviewed':
        this.deps.approvals.forget(change.reportId, change.sectionId);
        return;
    }
  }

  /**
   * Sends a change to the other instances and waits until each has applied it. `required`: throw when not
   * every instance confirmed in time (or the bus is down); otherwise log it and go on.
   */
  private async tellOthers(change: LiveChange, required: boolean): Promise<void> {
    const { bus, logger } = this.deps;
    if (!bus) return;
    const request = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const confirmed = new Promise<void>((resolve) => {
      this.waiting.set(request, { confirmed: 0, expected: null, done: resolve });
    });
    try {
      // Everyone subscribed hears it, this instance included.
      const heard = await bus.publishEvent({ ...change, request, from: bus.instanceId });
      const entry = this.waiting.get(request)!;
      entry.expected = heard - 1;
      if (entry.confirmed >= entry.expected) return;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), this.timeoutMs);
      });
      if ((await Promise.race([confirmed, late])) === 'late') {
        const message = `${entry.expected - entry.confirmed} of ${entry.expected} other instances did not confirm "${change.kind}" in time`;
        if (required) throw new FreezeNotConfirmedError(message);
        logger.warn({ change: change.kind }, message);
      }
    } catch (error) {
      if (required) throw error instanceof FreezeNotConfirmedError ? error : new FreezeNotConfirmedError(`could not tell the other instances: ${String(error)}`);
      logger.warn({ err: error, change: change.kind }, 'could not tell the other instances of a change of rights');
    } finally {
      clearTimeout(timer);
      this.waiting.delete(request);
    }
  }

  private async hear(event: LiveEvent): Promise<void> {
    const bus = this.deps.bus!;
    if (event.kind === 'done') {
      const entry = this.waiting.get(event.request);
      if (!entry) return;
      entry.confirmed++;
      if (entry.expected !== null && entry.confirmed >= entry.expected) entry.done();
      return;
    }
    if (event.from === bus.instanceId) return;
    const { request, from: _from, ...change } = event;
    try {
      await this.apply(change as LiveChange);
    } catch (error) {
      this.deps.logger.error({ err: error, change: event.kind }, 'could not apply a change of rights made on another instance');
      return;
    }
    await bus.publishEvent({ kind: 'done', request, from: bus.instanceId }).catch(() => {});
  }

  /** After a bus outage: changes of ownership and freezes may have been missed; read every live report again. */
  private async rereadLiveReports(): Promise<void> {
    this.deps.approvals.forgetAll();
    const reportIds = new Set(this.deps.registry.liveRooms('').map((room) => room.name.slice(0, room.name.indexOf('/'))));
    for (const reportId of reportIds) {
      await this.apply({ kind: 'ownership', reportId }).catch((error: unknown) =>
        this.deps.logger.error({ err: error, reportId }, 'could not read a report again after a bus outage'),
      );
    }
  }
}
