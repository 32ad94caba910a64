/** The error body of every REST call (CONTRACT.md, "REST"): `{ error: { code, message } }`. */
import { z } from 'zod';

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('a stable id a program can branch on, e.g. `not_found`'),
      message: z.string().describe('text for a person; may change'),
    }),
  })
  .describe('A refused or failed call');

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
