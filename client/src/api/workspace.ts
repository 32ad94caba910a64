/** The workspace's names (agency, parent agency, place, symbol): anyone reads them, the admin changes them. */
import type { Workspace } from '../../../common/account.js';
import { isWorkspaceAnswer } from './guards.js';
import { requestJson } from './http.js';

function complete(answer: Omit<Workspace, 'agencySymbol'> & { agencySymbol?: string }): Workspace {
  const { agencyName, parentAgencyName, placeName, agencySymbol = '' } = answer;
  return { agencyName, parentAgencyName, placeName, agencySymbol };
}

/** The workspace's settings. */
export async function getWorkspace(signal?: AbortSignal): Promise<Workspace> {
  return complete(await requestJson('/api/workspace', isWorkspaceAnswer, { signal }));
}

/** Replaces the workspace's settings (admin). */
export async function saveWorkspace(workspace: Workspace): Promise<Workspace> {
  return complete(await requestJson('/api/workspace', isWorkspaceAnswer, { method: 'PUT', json: workspace }));
}
