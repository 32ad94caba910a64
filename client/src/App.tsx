/**
 * The client: the login page until someone is signed in, then the page of the current route. Any 401 from
 * the server (session expired, logged out elsewhere) returns to the login page, which brings the person back
 * to where they were.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Department, Me } from '../../common/account.js';
import { listDepartments } from './api/departments.js';
import { ApiError } from './api/http.js';
import { StatusScreen } from './components/StatusScreen.js';
import { useT } from './i18n/locale.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ReportListPage } from './pages/ReportListPage.js';
import { LoadedReportPage } from './pages/LoadedReportPage.js';
import { currentPath, loginPath, navigate, useRoute, type Route } from './router.js';
import { SessionProvider } from './session/SessionContext.js';
import { useAuth, type AuthState } from './session/useAuth.js';

const VersionPage = lazy(() => import('./pages/VersionPage.js').then((module) => ({ default: module.VersionPage })));
// Pages few people open (issue 12, item 7): out of the entry chunk, which every page waits for.
const AdminPage = lazy(() => import('./pages/admin/AdminPage.js').then((module) => ({ default: module.AdminPage })));
const AuditPage = lazy(() => import('./audit/AuditPage.js').then((module) => ({ default: module.AuditPage })));

function Page({ route }: { route: Exclude<Route, { page: 'login' }> }) {
  switch (route.page) {
    case 'reports':
      return <ReportListPage />;
    case 'report':
      // The editor (TipTap, Yjs) is most of the code: loaded only when a report is opened (main.tsx starts it early).
      return <LoadedReportPage key={route.reportId} reportId={route.reportId} />;
    case 'version':
      return (
        <Suspense fallback={null}>
          <VersionPage key={`${route.reportId}/${route.versionId}`} reportId={route.reportId} versionId={route.versionId} tab={route.view} />
        </Suspense>
      );
    case 'admin':
      return (
        <Suspense fallback={null}>
          <AdminPage />
        </Suspense>
      );
    case 'audit':
      return (
        <Suspense fallback={null}>
          <AuditPage search={route.search} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

interface SignedInProps {
  me: Me;
  route: Exclude<Route, { page: 'login' }>;
  reloadMe(): Promise<void>;
  logOut(): Promise<void>;
}

/** Loads what every page needs besides the account (the departments), then shows the page. */
function SignedIn({ me, route, reloadMe, logOut }: SignedInProps) {
  const t = useT();
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    listDepartments(abort.signal).then(setDepartments, (failure: unknown) => {
      if (!abort.signal.aborted && !(failure instanceof ApiError && failure.status === 401)) setError(failure);
    });
    return () => abort.abort();
  }, [me.id, attempt]);

  if (error !== null) return <StatusScreen title={t.session.loadError} error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (departments === null) return <StatusScreen title={t.session.loading} />;
  return (
    <SessionProvider me={me} initialDepartments={departments} reloadMe={reloadMe} logOut={logOut}>
      <Page route={route} />
    </SessionProvider>
  );
}

/** Where the address bar must go for `state`, or null when the current route may be shown. */
function redirectFor(state: AuthState, route: Route): string | null {
  if (state.status === 'signedOut' && route.page !== 'login') return state.onPurpose ? '/login' : loginPath(currentPath());
  if (state.status === 'signedIn' && route.page === 'login') return route.next;
  return null;
}

/** The root component. */
export function App() {
  const t = useT();
  const route = useRoute();
  const auth = useAuth();
  const { state } = auth;
  const redirect = redirectFor(state, route);

  useEffect(() => {
    if (redirect !== null) navigate(redirect, { replace: true });
  }, [redirect]);

  if (redirect !== null) return null;
  switch (state.status) {
    case 'checking':
      return <StatusScreen title={t.session.loading} />;
    case 'unreachable':
      return <StatusScreen title={t.session.loadError} error={state.error} onRetry={() => void auth.refresh()} />;
    case 'signedOut':
      return <LoginPage onLoggedIn={auth.signedIn} />;
    case 'signedIn':
      if (route.page === 'login') return null;
      return <SignedIn me={state.me} route={route} reloadMe={auth.refresh} logOut={auth.logOut} />;
  }
}
