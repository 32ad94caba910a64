/**
 * The text box of a comment or reply. Typing "@" opens a list of the departments and people who may read
 * the report, filtered by what follows (accents ignored); ↑/↓ move in it, Enter or Tab takes one, Escape
 * closes it. Outside the list, Enter sends and Shift+Enter starts a new line; Escape cancels.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/locale.js';
import { matchCandidates, mentionQueryAt, type MentionCandidate } from './mentions.js';
import { useReview } from './ReviewContext.js';
import type { MentionDraft } from './useMentionDraft.js';

interface MentionInputProps {
  draft: MentionDraft;
  onSubmit(): void;
  onCancel?(): void;
  label: string;
  placeholder: string;
  autoFocus?: boolean;
  /** While sending: the text cannot change, and the box keeps the keyboard (a disabled one would lose it). */
  busy?: boolean;
  testId: string;
}

export function MentionInput({ draft, onSubmit, onCancel, label, placeholder, autoFocus, busy, testId }: MentionInputProps) {
  const t = useT();
  const { candidates } = useReview();
  const { text: value, setText: onChange, onMention } = draft;
  const listId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const matches = query === null ? [] : matchCandidates(candidates, query.query);
  const open = matches.length > 0;

  const follow = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setQuery(next);
    if (next?.query !== query?.query) setHighlighted(0);
  };

  const take = (candidate: MentionCandidate) => {
    const element = input.current;
    if (element === null || query === null) return;
    const caret = element.selectionStart;
    const inserted = `@${candidate.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    onChange(next);
    onMention(candidate);
    setQuery(null);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => element.setSelectionRange(at, at));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((current) => (current + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const chosen = matches[Math.min(highlighted, matches.length - 1)];
        if (chosen !== undefined) take(chosen);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (!busy) onSubmit();
      return;
    }
    if (event.key === 'Escape' && onCancel !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="mention-input">
      <textarea
        ref={input}
        className="review-textarea"
        data-testid={testId}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        rows={2}
        autoFocus={autoFocus}
        readOnly={busy}
        aria-busy={busy}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${highlighted}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          follow(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
        onBlur={() => setQuery(null)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul className="mention-list" id={listId} role="listbox" aria-label={t.review.mentionListLabel} data-testid={`${testId}-mentions`}>
          {matches.map((candidate, index) => (
            <li
              key={`${candidate.kind}:${candidate.id}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === highlighted}
              className={index === highlighted ? 'is-highlighted' : ''}
              // Before the textarea loses focus (which closes the list).
              onMouseDown={(event) => {
                event.preventDefault();
                take(candidate);
              }}
            >
              <span className="mention-name">{candidate.name}</span>
              <span className="mention-kind">
                {candidate.kind === 'department' ? t.review.mentionDepartment : (candidate.detail ?? t.review.mentionPerson)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
