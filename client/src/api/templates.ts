/** The template calls of the REST API. */
import { api } from '../../../common/api/routes.js';
import type { TemplateSummary } from '../../../common/template.js';
import { call } from './http.js';

/** The templates a report can be created from. */
export function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return call(api.listTemplates, { signal });
}
