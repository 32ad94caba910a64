/** The award catalogue (Luật Thi đua, khen thưởng 2022), as `GET /api/award-catalogue` serves it. */
import { awardCatalogueSchema, type AwardCatalogue } from '../../../common/awards.js';
import { requestJson } from './http.js';

function isAwardCatalogue(value: unknown): value is AwardCatalogue {
  return awardCatalogueSchema.safeParse(value).success;
}

/** The forms with their levels' labels and the lead-ins the prose says before each level's awards. */
export function getAwardCatalogue(signal?: AbortSignal): Promise<AwardCatalogue> {
  return requestJson('/api/award-catalogue', isAwardCatalogue, { signal });
}
