/** The client: asks for a name on the first visit, then shows the page of the current route. */
import { lazy, Suspense, useState } from 'react';
import { forgetDisplayName, loadIdentity, type Identity } from './identity.js';
import { NamePrompt } from './pages/NamePrompt.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ReportListPage } from './pages/ReportListPage.js';
import { useRoute } from './router.js';

// The editor (TipTap, Yjs) is most of the code: load it only when a report is opened.
const ReportPage = lazy(() => import('./pages/ReportPage.js').then((module) => ({ default: module.ReportPage })));

/** The root component. */
export function App() {
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity);
  const route = useRoute();

  if (identity === null) return <NamePrompt onDone={setIdentity} />;
  switch (route.page) {
    case 'reports':
      return (
        <ReportListPage
          identity={identity}
          onChangeName={() => {
            forgetDisplayName();
            setIdentity(null);
          }}
        />
      );
    case 'report':
      return (
        <Suspense fallback={null}>
          <ReportPage key={route.reportId} reportId={route.reportId} identity={identity} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}
