/** The text of a comment or reply being written, with the people and departments taken from "@". */
import { useCallback, useMemo, useState } from 'react';
import type { Mentions } from '../../../common/review.js';
import { mentionsIn, type MentionCandidate } from './mentions.js';

export interface MentionDraft {
  text: string;
  setText(text: string): void;
  /** Records a candidate taken from the "@" list. */
  onMention(candidate: MentionCandidate): void;
  /** The mentions whose "@name" is still in the text: what is sent. */
  mentions(): Mentions;
  /** Empties it (after sending). */
  clear(): void;
}

export function useMentionDraft(): MentionDraft {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<MentionCandidate[]>([]);
  const onMention = useCallback((candidate: MentionCandidate) => setChosen((current) => [...current, candidate]), []);
  return useMemo(
    () => ({
      text,
      setText,
      onMention,
      mentions: () => mentionsIn(text, chosen),
      clear() {
        setText('');
        setChosen([]);
      },
    }),
    [text, chosen, onMention],
  );
}
