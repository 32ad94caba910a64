/**
 * An error shown to the person: what failed, then what went wrong in their language, with the server's
 * own words where they add something (the field at fault).
 */
import { ApiError, errorMessage } from '../api/http.js';
import { useT } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';

/**
 * The text for `error`.
 * @param conflict What a 409 means where the call was made ("this username is taken").
 */
export function describeError(t: Messages, error: unknown, conflict?: string): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.code === 'network') return t.errors.network;
  if (error.status === 409 && conflict !== undefined) return conflict;
  const withDetail = (kind: string) => (error.message === '' ? kind : `${kind} (${error.message})`);
  if (error.status === 400) return withDetail(t.errors.invalidInput);
  if (error.status === 403) return withDetail(t.errors.forbidden);
  if (error.status === 404) return withDetail(t.errors.notFound);
  if (error.status === 409) return withDetail(t.errors.conflict);
  if (error.status >= 500) return t.errors.server;
  return error.message;
}

interface ErrorMessageProps {
  title: string;
  error: unknown;
  /** What a 409 means where the call was made. */
  conflict?: string;
}

/** Renders nothing when `error` is null. */
export function ErrorMessage({ title, error, conflict }: ErrorMessageProps) {
  const t = useT();
  if (error === null || error === undefined) return null;
  return (
    <p className="error-message" role="alert">
      <strong>{title}:</strong> {describeError(t, error, conflict)}
    </p>
  );
}
