/** The department calls of the REST API: any user lists them; the admin creates, renames and disables. */
import type { Department } from '../../../common/account.js';
import { isArrayOf, isDepartmentAnswer } from './guards.js';
import { requestJson } from './http.js';

function complete(department: Omit<Department, 'disabled'> & { disabled?: boolean }): Department {
  return { id: department.id, name: department.name, disabled: department.disabled ?? false };
}

/** Every department, disabled ones included (old sections may still name them). */
export async function listDepartments(signal?: AbortSignal): Promise<Department[]> {
  const answer = await requestJson('/api/departments', isArrayOf(isDepartmentAnswer), { signal });
  return answer.map(complete);
}

/** Creates a department (admin). */
export async function createDepartment(name: string): Promise<Department> {
  return complete(await requestJson('/api/departments', isDepartmentAnswer, { method: 'POST', json: { name } }));
}

/** Renames, disables or enables a department (admin). */
export async function updateDepartment(id: string, change: { name?: string; disabled?: boolean }): Promise<Department> {
  const path = `/api/departments/${encodeURIComponent(id)}`;
  return complete(await requestJson(path, isDepartmentAnswer, { method: 'PATCH', json: change }));
}
