/** `GET /api/workspace` (everyone), `PUT /api/workspace` (admin): the agency and place names. */
import type { FastifyInstance } from 'fastify';
import { canManageAccounts } from '../../common/access.js';
import type { Workspace } from '../../common/account.js';
import { api } from '../../common/api/routes.js';
import { readWorkspace, writeWorkspace } from '../accounts/workspaceSettings.js';
import { requireCaller } from '../auth/requestAuth.js';
import type { Store } from '../storage/store.js';
import { bodyOf } from './input.js';

export function registerWorkspaceRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/workspace', async (): Promise<Workspace> => readWorkspace(store));

  app.put('/api/workspace', async (request): Promise<Workspace> => {
    requireCaller(request, (identity) => canManageAccounts(identity.role), 'the admin');
    return writeWorkspace(store, bodyOf(api.saveWorkspace, request));
  });
}
