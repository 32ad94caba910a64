/** Departments (`/api/departments`) and accounts (`/api/users`), managed by the admin. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canManageAccounts, ROLES } from '../../common/access.js';
import { MIN_PASSWORD_LENGTH, type Department, type User } from '../../common/account.js';
import type { AccountService } from '../accounts/accountService.js';
import { requireCaller } from '../auth/requestAuth.js';
import { invalidInput } from '../errors.js';

const name = z.string().trim().min(1).max(200).transform((value) => value.normalize('NFC'));
const password = z.string().min(MIN_PASSWORD_LENGTH, { message: `at least ${MIN_PASSWORD_LENGTH} characters` }).max(1000);
const role = z.enum(ROLES as [string, ...string[]]).transform((value) => value as (typeof ROLES)[number]);
const idParams = z.object({ id: z.string().min(1).max(64) });

const newDepartment = z.strictObject({ name });
const departmentChanges = z.strictObject({ name: name.optional(), disabled: z.boolean().optional() });
const newUser = z.strictObject({
  username: z.string().trim().regex(/^[A-Za-z0-9._-]{2,50}$/, { message: '2–50 letters, digits, ".", "_" or "-"' }),
  password,
  displayName: name,
  role,
  departmentId: z.string().min(1).nullable().optional(),
});
const userChanges = z.strictObject({
  displayName: name.optional(),
  role: role.optional(),
  departmentId: z.string().min(1).nullable().optional(),
  disabled: z.boolean().optional(),
});
const newPassword = z.strictObject({ password });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

const isAdmin = (identity: { role: Parameters<typeof canManageAccounts>[0] }) => canManageAccounts(identity.role);

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountService): void {
  // Every signed-in person sees the department names (section owners are shown by name).
  app.get('/api/departments', async (): Promise<Department[]> => accounts.listDepartments());

  app.post('/api/departments', async (request, reply) => {
    requireCaller(request, isAdmin, 'the admin');
    return reply.status(201).send(await accounts.createDepartment(parse(newDepartment, request.body).name));
  });

  app.patch('/api/departments/:id', async (request): Promise<Department> => {
    requireCaller(request, isAdmin, 'the admin');
    return accounts.updateDepartment(parse(idParams, request.params).id, parse(departmentChanges, request.body));
  });

  app.get('/api/users', async (request): Promise<User[]> => {
    requireCaller(request, isAdmin, 'the admin');
    return accounts.listUsers();
  });

  app.post('/api/users', async (request, reply) => {
    requireCaller(request, isAdmin, 'the admin');
    return reply.status(201).send(await accounts.createUser(parse(newUser, request.body)));
  });

  app.patch('/api/users/:id', async (request): Promise<User> => {
    requireCaller(request, isAdmin, 'the admin');
    return accounts.updateUser(parse(idParams, request.params).id, parse(userChanges, request.body));
  });

  app.put('/api/users/:id/password', async (request, reply) => {
    requireCaller(request, isAdmin, 'the admin');
    await accounts.resetPassword(parse(idParams, request.params).id, parse(newPassword, request.body).password);
    return reply.status(204).send();
  });
}
