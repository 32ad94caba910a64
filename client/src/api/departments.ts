/** The department calls of the REST API: any user lists them; the admin creates, renames and disables. */
import type { Department } from '../../../common/account.js';
import { api } from '../../../common/api/routes.js';
import type { BodyOf } from '../../../common/api/route.js';
import { call } from './http.js';

/** Every department, disabled ones included (old sections may still name them). */
export function listDepartments(signal?: AbortSignal): Promise<Department[]> {
  return call(api.listDepartments, { signal });
}

/** Creates a department (admin). */
export function createDepartment(name: string): Promise<Department> {
  return call(api.createDepartment, { body: { name } });
}

/** Renames, disables or enables a department (admin). */
export function updateDepartment(id: string, change: BodyOf<typeof api.updateDepartment>): Promise<Department> {
  return call(api.updateDepartment, { params: { id }, body: change });
}
