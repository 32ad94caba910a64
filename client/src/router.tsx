/**
 * A minimal router on the History API. The server answers every client route with index.html, so the
 * routes below are all the client has: `/` (the reports) and `/reports/:id` (one report).
 */
import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A page of the client, decoded from the URL path. */
export type Route =
  | { page: 'reports' }
  | { page: 'report'; reportId: string }
  | { page: 'notFound'; path: string };

const NAVIGATE_EVENT = 'dong-soan:navigate';

/** Decodes a URL path into a route. */
export function parseRoute(path: string): Route {
  if (path === '/' || path === '') return { page: 'reports' };
  const match = /^\/reports\/([^/]+)\/?$/.exec(path);
  if (match?.[1] !== undefined) return { page: 'report', reportId: decodeURIComponent(match[1]) };
  return { page: 'notFound', path };
}

/** The path of a report's page. */
export function reportPath(reportId: string): string {
  return `/reports/${encodeURIComponent(reportId)}`;
}

/** Goes to `path` without reloading the page. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route; re-renders on navigation and on the browser's back and forward buttons. */
export function useRoute(): Route {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return parseRoute(path);
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
