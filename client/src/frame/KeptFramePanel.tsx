/**
 * Below the header, for a person who may no longer write the frame (their role changed) while their
 * browser still keeps edits of it the server never received: why, and those edits — the header and
 * footer fields as they typed them, and the opening paragraphs — to copy or to remove from this computer.
 * Nothing of it is pushed into the room: the header above shows what the server has.
 */
import { useContext, useMemo } from 'react';
import type { FrameFields } from '../../../common/frame.js';
import { tallyProse } from '../../../common/tallyProse.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { useKeptCopy } from '../collab/useKeptCopy.js';
import { KeptTextPanel } from '../editor/KeptTextPanel.js';
import { AwardCatalogueContext } from '../editor/tally/tallyEnvironment.js';
import type { Messages } from '../i18n/messages.js';
import { useT } from '../i18n/locale.js';
import { keptFrameBlocks, keptFrameText, type KeptFrameKey } from './keptFrameText.js';

interface KeptFramePanelProps {
  /** The frame room, or undefined while the page connects. */
  room: RoomConnection | undefined;
  /** The name of the person's browser copy of the frame room (localCopy.ts). */
  copyName: string;
  /** False while the person may write the frame: the room itself then sends the copy's edits. */
  active: boolean;
  /** The frame as the server has it, live: re-renders the panel when it changes. */
  fields: FrameFields;
  /** Why the edits could not be sent, when not a change of role (the report was issued). */
  reason?: string;
}

function fieldLabel(t: Messages, key: KeptFrameKey): string {
  return t.frame[key];
}

/** The kept edits of the frame, or nothing when there are none the server lacks. */
export function KeptFramePanel({ room, copyName, active, fields, reason }: KeptFramePanelProps) {
  const t = useT();
  const catalogue = useContext(AwardCatalogueContext);
  const kept = useKeptCopy(copyName, room, active);
  const keptDoc = kept?.doc;
  const blocks = useMemo(() => {
    if (keptDoc === undefined || room === undefined) return [];
    const tallyText = (rows: Parameters<typeof tallyProse>[0]) => (catalogue.state === 'ready' ? tallyProse(rows, catalogue.catalogue) : '');
    return keptFrameBlocks(keptFrameText(keptDoc, room.doc, tallyText), (key) => fieldLabel(t, key), t.report.preamble);
    // `fields` stands for the server's frame, read here through room.doc.
  }, [keptDoc, room, fields, catalogue, t]);
  if (kept === null || blocks.length === 0) return null;
  return <KeptTextPanel testKey="frame" reason={reason ?? t.report.kept.frame} blocks={blocks} onDiscard={kept.discard} />;
}
