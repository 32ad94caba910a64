/** Departments (`/api/departments`) and accounts (`/api/users`), managed by the admin. */
import { z } from 'zod';
import { ROLES } from '../access.js';
import { defineRoute } from './route.js';
import { meSchema } from './session.js';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

export const departmentSchema = z.object({ id: z.string(), name: z.string(), disabled: z.boolean() }).describe('A department');

/** An account as the admin manages it. */
export const userSchema = meSchema.extend({ disabled: z.boolean() }).describe('An account');

export type Department = z.infer<typeof departmentSchema>;
export type User = z.infer<typeof userSchema>;

/** A name as people type it: trimmed, stored in Unicode NFC. */
const name = z.string().trim().min(1).max(200).transform((value) => value.normalize('NFC'));
const password = z.string().min(MIN_PASSWORD_LENGTH, { message: `at least ${MIN_PASSWORD_LENGTH} characters` }).max(1000);
const departmentId = z.string().min(1).nullable();
const idParams = z.object({ id: z.string().min(1).max(64) });

export const newDepartmentBody = z.strictObject({ name });
export const departmentChangesBody = z.strictObject({ name: name.optional(), disabled: z.boolean().optional() });
export const newUserBody = z.strictObject({
  username: z.string().trim().regex(/^[A-Za-z0-9._-]{2,50}$/, { message: '2–50 letters, digits, ".", "_" or "-"' }),
  password,
  displayName: name,
  role: z.enum(ROLES),
  departmentId: departmentId.optional(),
});
export const userChangesBody = z.strictObject({
  displayName: name.optional(),
  role: z.enum(ROLES).optional(),
  departmentId: departmentId.optional(),
  disabled: z.boolean().optional(),
});
export const newPasswordBody = z.strictObject({ password });

const admin = ['admin'] as const;

export const departmentRoutes = {
  listDepartments: defineRoute({
    method: 'GET',
    path: '/api/departments',
    summary: 'Every department, disabled ones included (section owners are shown by name)',
    roles: 'signed-in',
    success: { status: 200, description: 'the departments', schema: z.array(departmentSchema) },
  }),
  createDepartment: defineRoute({
    method: 'POST',
    path: '/api/departments',
    summary: 'Create a department',
    roles: admin,
    body: newDepartmentBody,
    success: { status: 201, description: 'created', schema: departmentSchema },
    errors: { 403: 'not the admin', 409: 'a department of that name exists' },
  }),
  updateDepartment: defineRoute({
    method: 'PATCH',
    path: '/api/departments/:id',
    summary: 'Rename, disable or enable a department',
    roles: admin,
    params: idParams,
    body: departmentChangesBody,
    success: { status: 200, description: 'the department', schema: departmentSchema },
    errors: { 403: 'not the admin', 404: 'no such department' },
  }),
};

export const userRoutes = {
  listUsers: defineRoute({
    method: 'GET',
    path: '/api/users',
    summary: 'Every account',
    roles: admin,
    success: { status: 200, description: 'the accounts', schema: z.array(userSchema) },
    errors: { 403: 'not the admin' },
  }),
  createUser: defineRoute({
    method: 'POST',
    path: '/api/users',
    summary: 'Create an account; an editor needs a department',
    roles: admin,
    body: newUserBody,
    success: { status: 201, description: 'created', schema: userSchema },
    errors: { 400: 'invalid input, or no such department', 403: 'not the admin', 409: 'username taken' },
  }),
  updateUser: defineRoute({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change an account’s display name, role, department or disabled; its live connections follow at once',
    roles: admin,
    params: idParams,
    body: userChangesBody,
    success: { status: 200, description: 'the account', schema: userSchema },
    errors: { 400: 'invalid input, or no such department', 403: 'not the admin', 404: 'no such account' },
  }),
  resetPassword: defineRoute({
    method: 'PUT',
    path: '/api/users/:id/password',
    summary: 'Set a new password; ends the account’s sessions',
    roles: admin,
    params: idParams,
    body: newPasswordBody,
    success: { status: 204, description: 'done' },
    errors: { 403: 'not the admin', 404: 'no such account' },
  }),
};

export const accountSchemas = { Department: departmentSchema, User: userSchema };
