/** The error body of every REST call (CONTRACT.md, "REST"). */
export interface ApiErrorBody {
  error: {
    /** A stable id a program can branch on, e.g. `not_found`. */
    code: string;
    /** Text for a person; may change. */
    message: string;
  };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
