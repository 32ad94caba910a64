/**
 * The version page's addresses (client/src/router.tsx): `/reports/:id/versions/:vid` for a version read-only,
 * `…/diff` for its comparison with now; made and read back the same, ids with any character included.
 */
import { describe, expect, it } from 'vitest';
import { parseRoute, reportPath, versionPath } from '../../../client/src/router.js';

describe('version routes', () => {
  it('reads a version’s content and its comparison from their paths, and makes those paths', () => {
    expect(parseRoute('/reports/r1/versions/v1')).toEqual({ page: 'version', reportId: 'r1', versionId: 'v1', view: 'content' });
    expect(parseRoute('/reports/r1/versions/v1/diff')).toEqual({ page: 'version', reportId: 'r1', versionId: 'v1', view: 'diff' });
    for (const view of ['content', 'diff'] as const) {
      const path = versionPath('báo cáo/1', 'v 2', view);
      expect(path.startsWith(reportPath('báo cáo/1'))).toBe(true);
      expect(parseRoute(path)).toEqual({ page: 'version', reportId: 'báo cáo/1', versionId: 'v 2', view });
    }
  });

  it('leaves the report page and unknown paths as they were', () => {
    expect(parseRoute('/reports/r1')).toEqual({ page: 'report', reportId: 'r1' });
    expect(parseRoute('/reports/r1/versions')).toEqual({ page: 'notFound', path: '/reports/r1/versions' });
    expect(parseRoute('/reports/r1/versions/v1/other')).toEqual({ page: 'notFound', path: '/reports/r1/versions/v1/other' });
  });
});
