/**
 * What a tally's node view needs from the page around its editor: the award catalogue (loaded once per
 * report page) and whether the person may write the section. Node views are rendered in portals inside
 * the editor's React tree, so a context provided around the editor reaches them, and a change of rights
 * re-renders them at once.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { AwardCatalogue } from '../../../../common/awards.js';
import { getAwardCatalogue } from '../../api/awards.js';

/** The catalogue as the page has it. */
export type CatalogueState =
  | { state: 'loading' }
  | { state: 'ready'; catalogue: AwardCatalogue }
  | { state: 'failed'; error: unknown };

/** The tally's surroundings. */
export interface TallyEnvironment {
  catalogue: CatalogueState;
  /** Whether the person may change the section the tally is in. */
  writable: boolean;
}

/** Provided by each section's editor around its content, for the tallies in it. */
export const TallyEnvironmentContext = createContext<TallyEnvironment>({ catalogue: { state: 'loading' }, writable: false });

/** The catalogue of the report page, provided once around its sections. */
export const AwardCatalogueContext = createContext<CatalogueState>({ state: 'loading' });

/** The environment of the tally being rendered. */
export function useTallyEnvironment(): TallyEnvironment {
  return useContext(TallyEnvironmentContext);
}

/** Loads the award catalogue once for the page. */
export function useAwardCatalogue(): CatalogueState {
  const [state, setState] = useState<CatalogueState>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    getAwardCatalogue(abort.signal).then(
      (catalogue) => setState({ state: 'ready', catalogue }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, []);
  return state;
}
