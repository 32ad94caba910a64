/** The template calls of the REST API. */
import type { TemplateSummary } from '../../../common/template.js';
import { isArrayOf, isTemplateSummary } from './guards.js';
import { requestJson } from './http.js';

/** The templates a report can be created from. */
export function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return requestJson('/api/templates', isArrayOf(isTemplateSummary), { signal });
}
