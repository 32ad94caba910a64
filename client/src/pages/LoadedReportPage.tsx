/**
 * The report page, rendered once its chunk has loaded — without `lazy` and a Suspense boundary. React reveals
 * a boundary's content at the earliest 300 ms after it showed the boundary's fallback (its
 * FALLBACK_THROTTLE_MS), and `lazy` suspends on the first render even when the module has long loaded (its
 * promise settles a microtask later): every report opened 300 ms late, the main thread idle (issue 12,
 * item 7; measured with bench --open and a CPU profile, bench/README.md "Opening a report").
 */
import { useEffect, useState } from 'react';
import { StatusScreen } from '../components/StatusScreen.js';
import { useT } from '../i18n/locale.js';
import { loadReportPage } from './loadReportPage.js';

type ReportPageModule = Awaited<ReturnType<typeof loadReportPage>>;

type Loading = { status: 'loading' } | { status: 'loaded'; module: ReportPageModule } | { status: 'failed'; error: unknown };

/** The page of the report `reportId`; nothing while its code loads (main.tsx started it with the page). */
export function LoadedReportPage({ reportId }: { reportId: string }) {
  const t = useT();
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    loadReportPage().then(
      (module) => live && setLoading({ status: 'loaded', module }),
      (error: unknown) => live && setLoading({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, []);

  switch (loading.status) {
    case 'loading':
      return null;
    case 'failed':
      // A chunk that failed to load stays failed in this document (the module map keeps the failure).
      return <StatusScreen title={t.session.loadError} error={loading.error} onRetry={() => window.location.reload()} />;
    case 'loaded':
      return <loading.module.ReportPage reportId={reportId} />;
  }
}
