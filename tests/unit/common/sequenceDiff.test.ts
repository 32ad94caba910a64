/**
 * The edit script between two sequences (common/sequenceDiff.ts): applied to the first it gives the second,
 * and it keeps as many items as a longest common subsequence has — checked against a plain dynamic
 * programme on seeded random sequences.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../common/seededRandom.js';
import { diffSequences, type DiffRun } from '../../../common/sequenceDiff.js';

/** `a` with the script applied: what it keeps and what it inserts, in order. */
function apply(a: readonly string[], b: readonly string[], runs: readonly DiffRun[]): string[] {
  return runs.flatMap((run) => {
    if (run.op === 'equal') return a.slice(run.aStart, run.aStart + run.count);
    if (run.op === 'insert') return b.slice(run.bStart, run.bStart + run.count);
    return [];
  });
}

const kept = (runs: readonly DiffRun[]) => runs.filter((run) => run.op === 'equal').reduce((sum, run) => sum + run.count, 0);

/** The length of a longest common subsequence, the textbook way. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}

describe('diffSequences', () => {
  it('keeps what both have and names what was deleted and inserted, with where each lies', () => {
    const a = ['Mở đầu', 'Đoạn một', 'Đoạn hai', 'Kết luận'];
    const b = ['Mở đầu', 'Đoạn hai', 'Đoạn mới', 'Kết luận'];
    expect(diffSequences(a, b)).toEqual([
      { op: 'equal', aStart: 0, bStart: 0, count: 1 },
      { op: 'delete', aStart: 1, bStart: 1, count: 1 },
      { op: 'equal', aStart: 2, bStart: 1, count: 1 },
      { op: 'insert', aStart: 3, bStart: 2, count: 1 },
      { op: 'equal', aStart: 3, bStart: 3, count: 1 },
    ]);
  });

  it('handles empty sides and equal sequences', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences([], ['a', 'b'])).toEqual([{ op: 'insert', aStart: 0, bStart: 0, count: 2 }]);
    expect(diffSequences(['a', 'b'], [])).toEqual([{ op: 'delete', aStart: 0, bStart: 0, count: 2 }]);
    expect(diffSequences(['a', 'b'], ['a', 'b'])).toEqual([{ op: 'equal', aStart: 0, bStart: 0, count: 2 }]);
  });

  it('finds a shortest script on random sequences: it rebuilds the second and keeps a longest common subsequence', () => {
    const random = seededRandom(20251201);
    const sequence = (length: number) => Array.from({ length }, () => 'abcde'[Math.floor(random() * 5)]!);
    for (let round = 0; round < 300; round++) {
      const a = sequence(Math.floor(random() * 30));
      const b = sequence(Math.floor(random() * 30));
      const runs = diffSequences(a, b);
      expect(apply(a, b, runs), `${a.join('')} → ${b.join('')}`).toEqual(b);
      expect(kept(runs), `${a.join('')} → ${b.join('')}`).toBe(lcsLength(a, b));
    }
  });

  it('past its bound of edits, still gives a script that rebuilds the second (all of the middle deleted and inserted)', () => {
    const a = Array.from({ length: 50 }, (_, index) => `a${index}`);
    const b = ['same', ...Array.from({ length: 50 }, (_, index) => `b${index}`), 'end'];
    const runs = diffSequences(['same', ...a, 'end'], b, 10);
    expect(apply(['same', ...a, 'end'], b, runs)).toEqual(b);
    expect(runs.map((run) => [run.op, run.count])).toEqual([
      ['equal', 1],
      ['delete', 50],
      ['insert', 50],
      ['equal', 1],
    ]);
  });
});
