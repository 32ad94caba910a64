/** An error shown to the person: what failed, and the server's explanation. */
import { errorMessage } from '../api/http.js';

/** Renders nothing when `error` is null. */
export function ErrorMessage({ title, error }: { title: string; error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="error-message" role="alert">
      <strong>{title}:</strong> {errorMessage(error)}
    </p>
  );
}
