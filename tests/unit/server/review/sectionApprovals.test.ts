import { describe, expect, it } from 'vitest';
import { SectionApprovals } from '../../../../server/review/sectionApprovals.js';

/** A store read held open until the test answers it. */
function heldRead() {
  const pending: Array<(approved: boolean) => void> = [];
  const read = () => new Promise<boolean>((answer) => pending.push(answer));
  return { read, answer: (approved: boolean) => pending.shift()!(approved) };
}

describe('SectionApprovals', () => {
  it('reads a section once, then answers from memory', async () => {
    let reads = 0;
    const approvals = new SectionApprovals(async () => (reads++, false));
    expect(approvals.peek('r', 's')).toBeUndefined();
    expect(await approvals.approved('r', 's')).toBe(false);
    expect(await approvals.approved('r', 's')).toBe(false);
    expect(approvals.peek('r', 's')).toBe(false);
    expect(reads).toBe(1);
  });

  it('keeps a verdict set while a read was on its way, rather than the older answer of that read', async () => {
    const store = heldRead();
    const approvals = new SectionApprovals(store.read);
    const reading = approvals.approved('r', 's');
    approvals.set('r', 's', true);
    store.answer(false);
    expect(await reading).toBe(false);
    expect(approvals.peek('r', 's')).toBe(true);
  });

  it('reads again what was forgotten: one section, a report, or everything', async () => {
    const approvals = new SectionApprovals(async () => true);
    approvals.set('r', 'a', false);
    approvals.set('r', 'b', false);
    approvals.set('q', 'a', false);
    approvals.forget('r', 'a');
    expect(approvals.peek('r', 'a')).toBeUndefined();
    expect(await approvals.approved('r', 'a')).toBe(true);
    approvals.forgetAll('r');
    expect([approvals.peek('r', 'a'), approvals.peek('r', 'b'), approvals.peek('q', 'a')]).toEqual([undefined, undefined, false]);
    approvals.forgetAll();
    expect(approvals.peek('q', 'a')).toBeUndefined();
  });
});
