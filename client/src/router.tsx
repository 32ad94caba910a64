/**
 * A minimal router on the History API. The server answers every client route with index.html, so the
 * routes below are all the client has: `/` (the reports), `/reports/:id` (one report),
 * `/reports/:id/versions/:vid` (a version of it, read-only) and `…/diff` (compared with now), `/login` (with
 * the page to return to in `?next=`) and `/admin` (workspace, departments and accounts).
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { currentPath, parseRoute, type Route } from './routes.js';

export { currentPath, loginPath, parseRoute, reportPath, safeNext, versionPath, type Route, type VersionTab } from './routes.js';

const NAVIGATE_EVENT = 'dong-soan:navigate';

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
