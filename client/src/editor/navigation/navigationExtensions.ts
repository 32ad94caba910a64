/** What every section editor needs for moving around the report (issue 12, item 3). */
import type { AnyExtension } from '@tiptap/core';
import { PastTallies } from './pastTallies.js';
import { SearchHighlights } from './searchHighlights.js';

/** The keyboard past award tallies, and the find bar's highlights. */
export const navigationExtensions: AnyExtension[] = [PastTallies, SearchHighlights];
