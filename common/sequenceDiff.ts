/**
 * The shortest edit script between two sequences of strings (E. W. Myers, "An O(ND) difference algorithm
 * and its variations", 1986): which items of `a` are kept, deleted, and which of `b` inserted, so that the
 * kept ones are a longest common subsequence. Comparing versions uses it twice (paragraphs, then words of a
 * changed paragraph), restoring a version once (a room's top-level nodes, so that what did not change stays
 * the same Yjs items and keeps whatever someone is typing into it).
 */

/** `equal`: kept; `delete`: only in `a`; `insert`: only in `b`. */
export type DiffOp = 'equal' | 'delete' | 'insert';

/**
 * A run of one kind, in order: `count` items from `a[aStart]` (equal, delete) and from `b[bStart]` (equal,
 * insert). An insert's `aStart` is where in `a` it goes; a delete's `bStart` where in `b` it would have been.
 */
export interface DiffRun {
  op: DiffOp;
  aStart: number;
  bStart: number;
  count: number;
}

/**
 * Beyond this many edits (after the common start and end are set aside) the search stops: its memory grows
 * with the square of the edits. What lies between is then said to be all deleted and all inserted — true,
 * if not the shortest; two texts that far apart have little to match anyway.
 */
export const DEFAULT_MAX_EDITS = 1000;

/** The edit script from `a` to `b`, as runs in order. */
export function diffSequences(a: readonly string[], b: readonly string[], maxEdits = DEFAULT_MAX_EDITS): DiffRun[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;

  const steps: DiffOp[] = [];
  for (let index = 0; index < prefix; index++) steps.push('equal');
  steps.push(...middleSteps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix), maxEdits));
  for (let index = 0; index < suffix; index++) steps.push('equal');
  return runsOf(steps);
}

/** One step per item: the middle's edit script, or everything deleted then inserted past `maxEdits`. */
function middleSteps(a: readonly string[], b: readonly string[], maxEdits: number): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...Array<DiffOp>(n).fill('delete'), ...Array<DiffOp>(m).fill('insert')];
  const limit = Math.min(n + m, maxEdits);
  // v[k] is the furthest x reached on diagonal k = x - y; trace[d] is v as it was before step d.
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return [...Array<DiffOp>(n).fill('delete'), ...Array<DiffOp>(m).fill('insert')];
}

/** Walks the trace back from the end, one edit per step, snakes of equal items between them. */
function backtrack(trace: readonly Int32Array[], n: number, m: number): DiffOp[] {
  const steps: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    // trace[d] covers diagonals -d-1 … d+1: diagonal k is at index k + d + 1.
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      steps.push('equal');
      x--;
      y--;
    }
    steps.push(down ? 'insert' : 'delete');
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    steps.push('equal');
    x--;
    y--;
  }
  return steps.reverse();
}

/** Consecutive steps of one kind as runs, with where each starts in `a` and `b`. */
function runsOf(steps: readonly DiffOp[]): DiffRun[] {
  const runs: DiffRun[] = [];
  let aAt = 0;
  let bAt = 0;
  for (const op of steps) {
    const last = runs[runs.length - 1];
    if (last?.op === op) last.count++;
    else runs.push({ op, aStart: aAt, bStart: bAt, count: 1 });
    if (op !== 'insert') aAt++;
    if (op !== 'delete') bAt++;
  }
  return runs;
}
