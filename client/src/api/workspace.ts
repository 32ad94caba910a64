/** The workspace's names (agency, parent agency, place, symbol): anyone reads them, the admin changes them. */
import type { Workspace } from '../../../common/account.js';
import { api } from '../../../common/api/routes.js';
import { call } from './http.js';

/** The workspace's settings. */
export function getWorkspace(signal?: AbortSignal): Promise<Workspace> {
  return call(api.getWorkspace, { signal });
}

/** Replaces the workspace's settings (admin). */
export function saveWorkspace(workspace: Workspace): Promise<Workspace> {
  return call(api.saveWorkspace, { body: workspace });
}
