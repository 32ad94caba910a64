/** Departments (`/api/departments`) and accounts (`/api/users`), managed by the admin. */
import type { FastifyInstance } from 'fastify';
import { canManageAccounts } from '../../common/access.js';
import type { Department, User } from '../../common/account.js';
import { api } from '../../common/api/routes.js';
import type { AccountService } from '../accounts/accountService.js';
import { requireCaller } from '../auth/requestAuth.js';
import { bodyOf, paramsOf } from './input.js';

const isAdmin = (identity: { role: Parameters<typeof canManageAccounts>[0] }) => canManageAccounts(identity.role);

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountService): void {
  // Every signed-in person sees the department names (section owners are shown by name).
  app.get('/api/departments', async (): Promise<Department[]> => accounts.listDepartments());

  app.post('/api/departments', async (request, reply) => {
    requireCaller(request, isAdmin, 'the admin');
    return reply.status(201).send(await accounts.createDepartment(bodyOf(api.createDepartment, request).name));
  });

  app.patch('/api/departments/:id', async (request): Promise<Department> => {
    requireCaller(request, isAdmin, 'the admin');
    return accounts.updateDepartment(paramsOf(api.updateDepartment, request).id, bodyOf(api.updateDepartment, request));
  });

  app.get('/api/users', async (request): Promise<User[]> => {
    requireCaller(request, isAdmin, 'the admin');
    return accounts.listUsers();
  });

  app.post('/api/users', async (request, reply) => {
    requireCaller(request, isAdmin, 'the admin');
    return reply.status(201).send(await accounts.createUser(bodyOf(api.createUser, request)));
  });

  app.patch('/api/users/:id', async (request): Promise<User> => {
    const caller = requireCaller(request, isAdmin, 'the admin');
    return accounts.updateUser(paramsOf(api.updateUser, request).id, bodyOf(api.updateUser, request), caller.userId);
  });

  app.put('/api/users/:id/password', async (request, reply) => {
    requireCaller(request, isAdmin, 'the admin');
    await accounts.resetPassword(paramsOf(api.resetPassword, request).id, bodyOf(api.resetPassword, request).password);
    return reply.status(204).send();
  });
}
