/**
 * The tally of edits per room, person and hour (issue 10, item 6): counted in memory, one entry per
 * (room, person, hour) written when the hour is over or at shutdown, failed writes kept and retried.
 */
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { EditTally } from '../../../../server/audit/editTally.js';
import type { AuditRecord } from '../../../../server/storage/reviewStore.js';

function tally(options: { fail?: () => boolean } = {}) {
  let now = Date.parse('2025-06-30T03:10:00.000Z');
  const written: AuditRecord[][] = [];
  const errors: unknown[] = [];
  const store = {
    appendAudit: vi.fn(async (entries: readonly AuditRecord[]) => {
      if (options.fail?.()) throw new Error('disk full');
      written.push([...entries]);
    }),
  };
  const logger = { error: (details: unknown) => errors.push(details) } as unknown as FastifyBaseLogger;
  const edits = new EditTally({ store, now: () => new Date(now), logger });
  return {
    edits,
    store,
    written,
    errors,
    at: (iso: string) => void (now = Date.parse(iso)),
    flat: () => written.flat().map(({ reportId, userId, action, at, detail }) => ({ reportId, userId, action, at, ...detail })),
  };
}

describe('the tally of edits per hour', () => {
  it('writes nothing while the hour lasts, however many edits', async () => {
    const t = tally();
    for (let i = 0; i < 1000; i++) t.edits.note('r1/section/tham-muu', 'u1');
    await t.edits.flushDue();
    expect(t.store.appendAudit).not.toHaveBeenCalled();
  });

  it('writes one entry per room, person and hour when the next hour’s first edit comes', async () => {
    const t = tally();
    t.edits.note('r1/section/tham-muu', 'u1');
    t.edits.note('r1/section/tham-muu', 'u1');
    t.at('2025-06-30T03:59:59.999Z');
    t.edits.note('r1/section/tham-muu', 'u2');
    t.edits.note('r1/frame', 'u2');
    t.edits.note('r1/review', 'u2');
    t.at('2025-06-30T04:00:00.000Z');
    t.edits.note('r2/section/ket-qua', 'u3');
    await t.edits.flushDue();
    expect(t.flat()).toEqual([
      { reportId: 'r1', userId: 'u1', action: 'section.edited', at: '2025-06-30T03:10:00.000Z', sectionId: 'tham-muu', hour: '2025-06-30T03:00:00.000Z', count: '2' },
      { reportId: 'r1', userId: 'u2', action: 'section.edited', at: '2025-06-30T03:59:59.999Z', sectionId: 'tham-muu', hour: '2025-06-30T03:00:00.000Z', count: '1' },
      { reportId: 'r1', userId: 'u2', action: 'frame.edited', at: '2025-06-30T03:59:59.999Z', hour: '2025-06-30T03:00:00.000Z', count: '1' },
    ]);
    await t.edits.flushAll();
    expect(t.flat().at(-1)).toMatchObject({ reportId: 'r2', userId: 'u3', count: '1', hour: '2025-06-30T04:00:00.000Z' });
  });

  it('writes the hours that are over when asked (the timer), and a report’s counts when it goes', async () => {
    const t = tally();
    t.edits.note('r1/section/tham-muu', 'u1');
    t.edits.note('r2/section/tham-muu', 'u1');
    await t.edits.flushReport('r2');
    expect(t.flat().map((entry) => entry.reportId)).toEqual(['r2']);
    t.at('2025-06-30T05:30:00.000Z');
    await t.edits.flushDue();
    expect(t.flat().map((entry) => entry.reportId)).toEqual(['r2', 'r1']);
  });

  it('keeps the entries of a failed write and writes them with the next', async () => {
    let failing = true;
    const t = tally({ fail: () => failing });
    t.edits.note('r1/section/tham-muu', 'u1');
    await t.edits.flushReport('r1');
    expect(t.errors).toHaveLength(1);
    failing = false;
    t.edits.note('r2/section/tham-muu', 'u1');
    await t.edits.flushAll();
    expect(t.flat().map((entry) => entry.reportId)).toEqual(['r1', 'r2']);
  });

  it('says so when the counts cannot be written at shutdown', async () => {
    const t = tally({ fail: () => true });
    t.edits.note('r1/section/tham-muu', 'u1');
    await expect(t.edits.flushAll()).rejects.toThrow(/could not be written/);
  });
});
