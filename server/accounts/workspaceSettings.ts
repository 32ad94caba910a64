/** The workspace's names (agency, parent agency, place): settings, never hard-coded. */
import type { Workspace } from '../../common/account.js';
import { workspaceSchema } from '../../common/api/workspace.js';
import type { Store } from '../storage/store.js';

export { workspaceSchema };

const KEY = 'workspace';

const EMPTY: Workspace = { agencyName: '', parentAgencyName: '', placeName: '', agencySymbol: '' };

export async function readWorkspace(store: Store): Promise<Workspace> {
  const text = await store.getSetting(KEY);
  if (text === null) return EMPTY;
  const parsed = workspaceSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : EMPTY;
}

export async function writeWorkspace(store: Store, workspace: Workspace): Promise<Workspace> {
  const clean = {
    agencyName: workspace.agencyName.normalize('NFC'),
    parentAgencyName: workspace.parentAgencyName.normalize('NFC'),
    placeName: workspace.placeName.normalize('NFC'),
    agencySymbol: workspace.agencySymbol.normalize('NFC'),
  };
  await store.setSetting(KEY, JSON.stringify(clean));
  return clean;
}
