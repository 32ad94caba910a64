/** Signing in and out, and who is signed in: `POST /api/session`, `DELETE /api/session`, `GET /api/me`. */
import { z } from 'zod';
import { ROLES } from '../access.js';
import { defineRoute } from './route.js';

/** `GET /api/me`, and `user` in the answer to `POST /api/session`. */
export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES).describe('admin: every right of office, plus accounts and departments'),
    departmentId: z.string().nullable().describe('the department the person writes for; null for none'),
  })
  .describe('The signed-in account');

export type Me = z.infer<typeof meSchema>;

export const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const sessionRoutes = {
  signIn: defineRoute({
    method: 'POST',
    path: '/api/session',
    summary: 'Sign in; sets the httpOnly session cookie',
    roles: 'public',
    body: signInBody,
    success: { status: 200, description: 'signed in', schema: z.object({ user: meSchema }) },
    errors: {
      401: 'wrong credentials (also for a disabled account)',
      429: 'too many failed attempts; see Retry-After',
      503: 'the shared login throttle (Redis) did not answer: nothing was checked; try again shortly (`throttle_unavailable`)',
    },
  }),
  signOut: defineRoute({
    method: 'DELETE',
    path: '/api/session',
    summary: 'Sign out: ends the session, clears the cookie and closes its live connections',
    roles: 'signed-in',
    success: { status: 204, description: 'signed out' },
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in account',
    roles: 'signed-in',
    success: { status: 200, description: 'the account', schema: meSchema },
  }),
};

export const sessionSchemas = { Me: meSchema };
