/**
 * Below a section the person may no longer write: why, and the text they had not sent, as their browser
 * kept it — read-only, selectable, with a button to copy it and one to remove it from this computer. It
 * is outside the document (not printed, not sent): the section above shows what the server has.
 */
import { useContext, useMemo, useRef, useState } from 'react';
import { tallyProse } from '../../../common/tallyProse.js';
import { SECTION_FRAGMENT } from '../../../common/rooms.js';
import type { KeptCopy } from '../collab/useKeptCopy.js';
import { useT } from '../i18n/locale.js';
import { bodyBlocks } from './bodyText.js';
import { AwardCatalogueContext } from './tally/tallyEnvironment.js';

interface KeptCopyPanelProps {
  sectionId: string;
  kept: KeptCopy;
  /** Why the section cannot take the text (who has it now). */
  reason: string;
}

/** The kept text of one section and what the person can do with it. */
export function KeptCopyPanel({ sectionId, kept, reason }: KeptCopyPanelProps) {
  const t = useT();
  const catalogue = useContext(AwardCatalogueContext);
  const textRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  const blocks = useMemo(
    () =>
      bodyBlocks(kept.doc.getXmlFragment(SECTION_FRAGMENT), (rows) =>
        catalogue.state === 'ready' ? tallyProse(rows, catalogue.catalogue) : '',
      ),
    [kept.doc, catalogue],
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(blocks.join('\n'));
      setCopied(true);
    } catch {
      // No clipboard here (insecure origin, permission refused): select the text for Ctrl+C instead.
      const text = textRef.current;
      const selection = window.getSelection();
      if (text === null || selection === null) return;
      selection.selectAllChildren(text);
    }
  };

  const discard = () => {
    if (window.confirm(t.report.kept.discardConfirm)) kept.discard();
  };

  return (
    <div className="kept-copy" data-testid={`kept-${sectionId}`} role="region" aria-label={t.report.kept.label}>
      <p className="kept-copy-reason" role="alert" data-testid={`kept-reason-${sectionId}`}>
        {reason}
      </p>
      <div className="kept-copy-text" ref={textRef} data-testid={`kept-text-${sectionId}`} lang="vi">
        {blocks.map((block, index) => (
          <p key={index}>{block}</p>
        ))}
      </div>
      <div className="kept-copy-actions">
        <span className="kept-copy-label">{t.report.kept.label}</span>
        <button type="button" className="link-button" data-testid={`kept-copy-${sectionId}`} onClick={() => void copy()}>
          {copied ? t.report.kept.copied : t.report.kept.copy}
        </button>
        <button type="button" className="link-button" data-testid={`kept-discard-${sectionId}`} onClick={discard}>
          {t.report.kept.discard}
        </button>
      </div>
    </div>
  );
}
