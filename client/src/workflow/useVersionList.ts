/**
 * The report's named versions, newest first, while `active` (the versions panel is open): read when it
 * opens, again whenever the report's status changes (every change stores a version) and when asked
 * (after this page saved or restored one).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Version } from '../../../common/api/workflow.js';
import type { ReportStatus } from '../../../common/report.js';
import { ApiError } from '../api/http.js';
import { listVersions } from '../api/versions.js';

export interface VersionList {
  /** Null until read. */
  versions: Version[] | null;
  error: unknown;
  reload(): void;
}

export function useVersionList(reportId: string, status: ReportStatus, active: boolean): VersionList {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    listVersions(reportId, abort.signal).then(
      (list) => {
        setVersions(list);
        setError(null);
      },
      (failure: unknown) => {
        // A 401 takes the person to the login page (api/http.ts); an aborted read is no failure.
        if (abort.signal.aborted || (failure instanceof ApiError && failure.status === 401)) return;
        setError(failure);
      },
    );
    return () => abort.abort();
  }, [reportId, status, active, generation]);

  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  return { versions, error, reload };
}
