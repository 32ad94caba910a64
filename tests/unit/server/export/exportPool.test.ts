/**
 * The export pool's failures stay with the export they hit: a worker that dies mid-export, or cannot start
 * at all, fails that export (it neither hangs nor takes the process down), and the next export is served.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../../common/report.js';
import { ExportPool } from '../../../../server/export/exportPool.js';
import type { ExportTask } from '../../../../server/export/exportTask.js';
import { packRooms } from '../../../../server/export/packedRooms.js';

const workers = resolve(import.meta.dirname, '../../../fixtures/export/workers');
const OPTIONS = { threads: 1, queue: 1, workerHeapMb: 64 };

const pools: ExportPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(file: string, errors: unknown[] = []): ExportPool {
  const created = new ExportPool(OPTIONS, (error) => errors.push(error), resolve(workers, file));
  pools.push(created);
  return created;
}

/** A task for report `id` with empty rooms (the fixture workers read only the id). */
function task(id: string): () => Promise<ExportTask> {
  const report: Report = { id, title: 't', status: 'draft', templateId: 't', docType: 'BÁO CÁO', createdAt: '', sections: [] };
  const empty = { snapshot: null, updates: [], lastSeq: 0 };
  return async () => ({ report, rooms: packRooms({ frame: empty, sections: [] }), catalogue: { levels: {}, forms: [] }, requestedAt: 0 });
}

describe('the export pool', () => {
  it('fails an export whose worker exits mid-export, and serves the next on a fresh worker', async () => {
    const exports = pool('exitsOnDemand.ts');
    await expect(exports.build(task('exit'))).rejects.toThrow(/exited with code: 3/);
    const file = await exports.build(task('bao-cao'));
    expect(file.disposition).toBe('attachment; filename="bao-cao.docx"');
  });

  it('fails the export waiting for a worker that cannot start, and reports why, rather than waiting forever', async () => {
    const errors: unknown[] = [];
    const exports = pool('cannotStart.ts', errors);
    const failure = await exports.build(task('bao-cao')).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(errors).toContain(failure);
    // Nothing is left taken: the next export is tried again (and fails the same way), not refused as busy.
    await expect(exports.build(task('bao-cao'))).rejects.not.toMatchObject({ code: 'export_busy' });
  });

  it('refuses to start without its worker file', () => {
    expect(() => new ExportPool(OPTIONS, () => undefined, resolve(workers, 'missing.js'))).toThrow(/does not exist/);
  });
});
