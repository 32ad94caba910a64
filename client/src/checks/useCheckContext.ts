/**
 * What the form checker compares a report to, in the browser: its template's guidance (from `GET
 * /api/templates`, whose summary carries it), the award catalogue and the word list bundled with the client
 * (common/checks/vocabularyList.ts) — the same the server uses.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CheckContext } from '../../../common/checks/reportContent.js';
import { VOCABULARY } from '../../../common/checks/vocabularyList.js';
import type { GuidanceSource } from '../../../common/guidance.js';
import { listTemplates } from '../api/templates.js';
import { useAwardCatalogue } from '../editor/tally/tallyEnvironment.js';

/** The context of a report made from template `templateId`; parts of it arrive as they load. */
export function useCheckContext(templateId: string): CheckContext {
  const catalogue = useAwardCatalogue();
  const [guidance, setGuidance] = useState<GuidanceSource | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    listTemplates(abort.signal).then(
      (templates) => setGuidance(templates.find((template) => template.id === templateId) ?? null),
      // Without the template, guidance left as text is not told apart: the rest is checked all the same.
      () => undefined,
    );
    return () => abort.abort();
  }, [templateId]);
  const loaded = catalogue.state === 'ready' ? catalogue.catalogue : null;
  return useMemo(() => ({ guidance, catalogue: loaded, vocabulary: VOCABULARY }), [guidance, loaded]);
}
