/**
 * Below a section the person may no longer write: why, and the text they had not sent, as their browser
 * kept it, to copy or to remove from this computer (KeptTextPanel.tsx).
 */
import { useContext, useMemo } from 'react';
import { tallyProse } from '../../../common/tallyProse.js';
import { SECTION_FRAGMENT } from '../../../common/rooms.js';
import type { KeptCopy } from '../collab/useKeptCopy.js';
import { bodyBlocks } from './bodyText.js';
import { KeptTextPanel } from './KeptTextPanel.js';
import { AwardCatalogueContext } from './tally/tallyEnvironment.js';

interface KeptCopyPanelProps {
  sectionId: string;
  kept: KeptCopy;
  /** Why the section cannot take the text (who has it now). */
  reason: string;
}

/** The kept text of one section and what the person can do with it. */
export function KeptCopyPanel({ sectionId, kept, reason }: KeptCopyPanelProps) {
  const catalogue = useContext(AwardCatalogueContext);
  const blocks = useMemo(
    () =>
      bodyBlocks(kept.doc.getXmlFragment(SECTION_FRAGMENT), (rows) =>
        catalogue.state === 'ready' ? tallyProse(rows, catalogue.catalogue) : '',
      ),
    [kept.doc, catalogue],
  );
  return <KeptTextPanel testKey={sectionId} reason={reason} blocks={blocks} onDiscard={kept.discard} />;
}
