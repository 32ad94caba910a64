/** `POST /api/session` (sign in), `DELETE /api/session` (sign out), `GET /api/me`. */
import type { FastifyInstance } from 'fastify';
import type { Me } from '../../common/account.js';
import { api } from '../../common/api/routes.js';
import { checkLogin } from '../accounts/login.js';
import type { LoginThrottle } from '../auth/loginThrottle.js';
import { identityOf } from '../auth/requestAuth.js';
import type { Sessions } from '../auth/sessions.js';
import type { Store } from '../storage/store.js';
import type { SignInOutcome } from '../audit/signInAudit.js';
import { bodyOf } from './input.js';

export interface SessionRouteDeps {
  store: Store;
  sessions: Sessions;
  /** Kept in memory or shared through Redis (throttleFactory.ts); when Redis fails, sign-in answers 503. */
  throttle: LoginThrottle;
  /** Called after a sign-out, to close the session's live connections. */
  onSessionEnded: (sessionId: string) => Promise<void>;
  /** Records a sign-in, succeeded or refused, in the audit log (issue 10). */
  recordSignIn?: (outcome: SignInOutcome) => Promise<void>;
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  app.post('/api/session', async (request, reply) => {
    const { username, password } = bodyOf(api.signIn, request);
    const user = await checkLogin(deps.store, deps.throttle, username, password, request.ip, deps.recordSignIn);
    const cookie = await deps.sessions.start(user.id);
    reply.setCookie(cookie.name, cookie.value, cookie.options);
    const { disabled: _disabled, ...me } = user;
    return { user: me satisfies Me };
  });

  app.delete('/api/session', async (request, reply) => {
    const { cookie, sessionId } = await deps.sessions.end(request.raw);
    if (sessionId) await deps.onSessionEnded(sessionId);
    reply.setCookie(cookie.name, cookie.value, cookie.options);
    return reply.status(204).send();
  });

  app.get('/api/me', async (request): Promise<Me> => {
    const { userId, username, displayName, role, departmentId } = identityOf(request);
    return { id: userId, username, displayName, role, departmentId };
  });
}
