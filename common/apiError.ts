/** The error body of every REST call (CONTRACT.md, "REST"); its schema is `apiErrorSchema` (common/api/error.ts). */
import { apiErrorSchema, type ApiErrorBody } from './api/error.js';

export type { ApiErrorBody };

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return apiErrorSchema.safeParse(value).success;
}
