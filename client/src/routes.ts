/**
 * The client's routes as data: what a URL path means, and the path of each page. No React here, so the
 * head start (headStart.ts), which runs before React has loaded, can tell a report's address too; the
 * hooks and links that follow the address bar are in router.tsx.
 */

/** A page of the client, decoded from the URL path. */
export type Route =
  | { page: 'reports' }
  | { page: 'report'; reportId: string }
  | { page: 'version'; reportId: string; versionId: string; view: VersionTab }
  | { page: 'login'; next: string }
  | { page: 'admin' }
  /** The audit log (issue 10), its filters in the query string (client/src/audit/auditPath.ts). */
  | { page: 'audit'; search: string }
  | { page: 'notFound'; path: string };

/** What the version page shows: the version's content, or how the report now differs from it. */
export type VersionTab = 'content' | 'diff';

/**
 * The page to return to after logging in, from `?next=`: only a path of this site ("/…", never "//host"
 * or a full URL, which would send the person elsewhere after they typed their password).
 */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

/** The login page's path, remembering `next` to return to after logging in. */
export function loginPath(next: string): string {
  const target = safeNext(next);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

/** The path, query included, of the page shown now. */
export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Decodes a URL path (and query) into a route. */
export function parseRoute(path: string, search = ''): Route {
  if (path === '/' || path === '') return { page: 'reports' };
  if (path === '/login' || path === '/login/') return { page: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (path === '/admin' || path === '/admin/') return { page: 'admin' };
  if (path === '/audit' || path === '/audit/') return { page: 'audit', search };
  const match = /^\/reports\/([^/]+)\/?$/.exec(path);
  if (match?.[1] !== undefined) return { page: 'report', reportId: decodeURIComponent(match[1]) };
  const version = /^\/reports\/([^/]+)\/versions\/([^/]+)(\/diff)?\/?$/.exec(path);
  if (version?.[1] !== undefined && version[2] !== undefined) {
    return { page: 'version', reportId: decodeURIComponent(version[1]), versionId: decodeURIComponent(version[2]), view: version[3] ? 'diff' : 'content' };
  }
  return { page: 'notFound', path };
}

/** The path of a report's page. */
export function reportPath(reportId: string): string {
  return `/reports/${encodeURIComponent(reportId)}`;
}

/** The path of a version of a report: its content, or its comparison with now. */
export function versionPath(reportId: string, versionId: string, view: VersionTab = 'content'): string {
  return `${reportPath(reportId)}/versions/${encodeURIComponent(versionId)}${view === 'diff' ? '/diff' : ''}`;
}
