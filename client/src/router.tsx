/**
 * A minimal router on the History API. The server answers every client route with index.html, so the
 * routes below are all the client has: `/` (the reports), `/reports/:id` (one report),
 * `/reports/:id/versions/:vid` (a version of it, read-only) and `…/diff` (compared with now), `/login` (with
 * the page to return to in `?next=`) and `/admin` (workspace, departments and accounts).
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

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

const NAVIGATE_EVENT = 'dong-soan:navigate';

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

/**
 * Goes to `path` (query allowed) without reloading the page.
 * @param options.replace Replace the current history entry (redirects: Back must not return to them).
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route; re-renders on navigation and on the browser's back and forward buttons. */
export function useRoute(): Route {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  const queryAt = path.indexOf('?');
  return queryAt === -1 ? parseRoute(path) : parseRoute(path.slice(0, queryAt), path.slice(queryAt));
}

/** An `<a>` that navigates inside the client, while keeping ctrl-click and middle-click for new tabs. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
