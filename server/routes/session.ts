/** `POST /api/session` (sign in), `DELETE /api/session` (sign out), `GET /api/me`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Me } from '../../common/account.js';
import { checkLogin } from '../accounts/login.js';
import type { LoginThrottle } from '../auth/loginThrottle.js';
import { identityOf } from '../auth/requestAuth.js';
import type { Sessions } from '../auth/sessions.js';
import { invalidInput } from '../errors.js';
import type { Store } from '../storage/store.js';

const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export interface SessionRouteDeps {
  store: Store;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** Called after a sign-out, to close the session's live connections. */
  onSessionEnded: (sessionId: string) => Promise<void>;
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  app.post('/api/session', async (request, reply) => {
    const body = loginBody.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error);
    const user = await checkLogin(deps.store, deps.throttle, body.data.username, body.data.password, request.ip);
    reply.header('set-cookie', await deps.sessions.start(user.id));
    const { disabled: _disabled, ...me } = user;
    return { user: me satisfies Me };
  });

  app.delete('/api/session', async (request, reply) => {
    const { cookie, sessionId } = await deps.sessions.end(request.raw);
    if (sessionId) await deps.onSessionEnded(sessionId);
    reply.header('set-cookie', cookie);
    return reply.status(204).send();
  });

  app.get('/api/me', async (request): Promise<Me> => {
    const { userId, username, displayName, role, departmentId } = identityOf(request);
    return { id: userId, username, displayName, role, departmentId };
  });
}
