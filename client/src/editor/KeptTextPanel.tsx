/**
 * Text the person typed but may no longer send, as their browser kept it (localCopy.ts): why, the text —
 * read-only, selectable — a button to copy it and one to remove it from this computer. It is outside the
 * document (not printed, not sent): the page above shows what the server has. Used below a section
 * (KeptCopyPanel.tsx) and below the header for the frame (KeptFramePanel.tsx).
 */
import { useRef, useState } from 'react';
import { useT } from '../i18n/locale.js';

interface KeptTextPanelProps {
  /** Names the panel's test ids: `kept-<key>`, `kept-reason-<key>`, `kept-text-<key>`, … */
  testKey: string;
  /** Why the room cannot take the text. */
  reason: string;
  /** The text, paragraph by paragraph. */
  blocks: readonly string[];
  /** Deletes the kept copy from the browser (asked for confirmation first). */
  onDiscard(): void;
}

/** The kept text of one room and what the person can do with it. */
export function KeptTextPanel({ testKey, reason, blocks, onDiscard }: KeptTextPanelProps) {
  const t = useT();
  const textRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);

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
    if (window.confirm(t.report.kept.discardConfirm)) onDiscard();
  };

  return (
    <div className="kept-copy" data-testid={`kept-${testKey}`} role="region" aria-label={t.report.kept.label}>
      <p className="kept-copy-reason" role="alert" data-testid={`kept-reason-${testKey}`}>
        {reason}
      </p>
      <div className="kept-copy-text" ref={textRef} data-testid={`kept-text-${testKey}`} lang="vi">
        {blocks.map((block, index) => (
          <p key={index}>{block}</p>
        ))}
      </div>
      <div className="kept-copy-actions">
        <span className="kept-copy-label">{t.report.kept.label}</span>
        <button type="button" className="link-button" data-testid={`kept-copy-${testKey}`} onClick={() => void copy()}>
          {copied ? t.report.kept.copied : t.report.kept.copy}
        </button>
        <button type="button" className="link-button" data-testid={`kept-discard-${testKey}`} onClick={discard}>
          {t.report.kept.discard}
        </button>
      </div>
    </div>
  );
}
