/**
 * "The session is gone": raised by the API layer on any 401 (and by the rooms when the server refuses their
 * socket and `GET /api/me` then answers 401), heard by the app, which shows the login page and keeps the
 * page the person was on to return to. A window event, like the router's navigation event, so the API
 * layer needs no reference to the app.
 */

const UNAUTHENTICATED_EVENT = 'dong-soan:unauthenticated';

/** Tells the app that the server no longer knows this browser's session. */
export function reportUnauthenticated(): void {
  window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
}

/** Calls `listener` each time the session is reported gone; returns the unsubscribe function. */
export function onUnauthenticated(listener: () => void): () => void {
  window.addEventListener(UNAUTHENTICATED_EVENT, listener);
  return () => window.removeEventListener(UNAUTHENTICATED_EVENT, listener);
}
