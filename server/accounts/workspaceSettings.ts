/** The workspace's names (agency, parent agency, place): settings, never hard-coded. */
import { z } from 'zod';
import type { Workspace } from '../../common/account.js';
import type { Store } from '../storage/store.js';

const KEY = 'workspace';

export const workspaceSchema = z.strictObject({
  agencyName: z.string().trim().max(200),
  parentAgencyName: z.string().trim().max(200),
  placeName: z.string().trim().max(100),
  agencySymbol: z
    .string()
    .trim()
    .max(30)
    .regex(/^[\p{Lu}\d-]*$/u, { message: 'upper-case letters, digits and "-" only (PL III), e.g. UBND' })
    .default(''),
});

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
