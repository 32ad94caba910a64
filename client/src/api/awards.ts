/** The award catalogue (Luật Thi đua, khen thưởng 2022), as `GET /api/award-catalogue` serves it. */
import { api } from '../../../common/api/routes.js';
import type { AwardCatalogue } from '../../../common/awards.js';
import { call } from './http.js';

/** The forms with their levels' labels and the lead-ins the prose says before each level's awards. */
export function getAwardCatalogue(signal?: AbortSignal): Promise<AwardCatalogue> {
  return call(api.getAwardCatalogue, { signal });
}
