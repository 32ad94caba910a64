/** `GET /api/workspace` (everyone), `PUT /api/workspace` (admin): the agency and place names. */
import type { FastifyInstance } from 'fastify';
import { canManageAccounts } from '../../common/access.js';
import type { Workspace } from '../../common/account.js';
import { readWorkspace, workspaceSchema, writeWorkspace } from '../accounts/workspaceSettings.js';
import { requireCaller } from '../auth/requestAuth.js';
import { invalidInput } from '../errors.js';
import type { Store } from '../storage/store.js';

export function registerWorkspaceRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/workspace', async (): Promise<Workspace> => readWorkspace(store));

  app.put('/api/workspace', async (request): Promise<Workspace> => {
    requireCaller(request, (identity) => canManageAccounts(identity.role), 'the admin');
    const body = workspaceSchema.safeParse(request.body ?? {});
    if (!body.success) throw invalidInput(body.error);
    return writeWorkspace(store, body.data);
  });
}
