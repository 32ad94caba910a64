/**
 * The report's find bar (Ctrl+F) and replace bar (Ctrl+H), issue 12 item 3: searches every section the
 * person can see and the opening paragraphs, accents ignored ("Dien hinh" finds "Điển hình"), highlights
 * the matches and steps through them (Enter, Shift+Enter); replaces the current match or all of them where
 * the person may write, and says how many were left because they may only read there. Escape closes it and
 * puts the keyboard on the current match.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/locale.js';
import type { ReportEditors } from './reportEditors.js';
import { highlightMatches, isWritable, replaceAllMatches, replaceMatch, reportMatches, showMatch, type ReportMatch } from './reportSearch.js';

/** Which bar is open. */
export type FindMode = 'find' | 'replace';

interface FindReplaceProps {
  editors: ReportEditors;
  mode: FindMode;
  /** The text to look for when the bar opens (the selected text), if any. */
  initialQuery: string;
  /** Bumped each time Ctrl+F or Ctrl+H is pressed again while the bar is open: the find field takes the keyboard. */
  focusToken: number;
  onMode(mode: FindMode): void;
  onClose(): void;
}

export function FindReplace({ editors, mode, initialQuery, focusToken, onMode, onClose }: FindReplaceProps) {
  const t = useT().navigation;
  const [query, setQuery] = useState(initialQuery);
  const [replacement, setReplacement] = useState('');
  const [index, setIndex] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const findField = useRef<HTMLInputElement>(null);
  const version = useSyncExternalStore(editors.subscribe, editors.snapshot);
  // Recomputed after every change of any editor (`version`), so the count follows the text as people type.
  const matches = useMemo(() => reportMatches(editors.list(), query), [editors, version, query]);
  const current: ReportMatch | null = matches.length === 0 ? null : matches[Math.min(index, matches.length - 1)]!;

  useEffect(() => {
    findField.current?.focus();
    findField.current?.select();
  }, [focusToken]);

  useEffect(() => highlightMatches(editors.list(), query, current), [editors, version, query, current]);
  // Closing clears every highlight.
  useEffect(() => () => highlightMatches(editors.list(), '', null), [editors]);

  const go = (step: number) => {
    if (matches.length === 0) return;
    const next = (Math.min(index, matches.length - 1) + step + matches.length) % matches.length;
    setIndex(next);
    setMessage(null);
    showMatch(matches[next]!);
  };
  const search = (text: string) => {
    setQuery(text);
    setIndex(0);
    setMessage(null);
    const first = reportMatches(editors.list(), text)[0];
    if (first !== undefined) showMatch(first);
  };
  const close = () => {
    highlightMatches(editors.list(), '', null);
    if (current !== null) showMatch(current, true);
    onClose();
  };
  const replaceOne = () => {
    if (current === null) return;
    if (!replaceMatch(current, replacement)) {
      setMessage(t.readOnlyMatch);
      return;
    }
    setMessage(null);
    // The match at the same place in the list is now the one after the replaced text.
    const left = reportMatches(editors.list(), query);
    if (left.length > 0) showMatch(left[Math.min(index, left.length - 1)]!);
  };
  const replaceAll = () => {
    const { replaced, readOnly } = replaceAllMatches(editors.list(), query, replacement);
    setIndex(0);
    setMessage(t.replaced(replaced, readOnly));
  };
  const keys = (event: KeyboardEvent<HTMLInputElement>, onEnter: () => void) => {
    if (event.nativeEvent.isComposing || event.key !== 'Enter') return;
    event.preventDefault();
    if (event.shiftKey) go(-1);
    else onEnter();
  };
  // Escape closes the bar from anywhere in it (a field or a button).
  const escape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    close();
  };

  const position = current === null ? 0 : Math.min(index, matches.length - 1) + 1;
  const readOnlyHere = current !== null && !isWritable(current);
  return (
    <div className="find-bar" role="search" aria-label={t.findLabel} data-testid="find-bar" onKeyDown={escape}>
      <div className="find-row">
        <input
          ref={findField}
          className="find-input"
          data-testid="find-input"
          aria-label={t.find}
          placeholder={t.findPlaceholder}
          title={t.accentHint}
          value={query}
          spellCheck={false}
          onChange={(event) => search(event.target.value)}
          onKeyDown={(event) => keys(event, () => go(1))}
        />
        <span className="find-count" data-testid="find-count" aria-live="polite">
          {query.trim() === '' ? '' : matches.length === 0 ? t.noMatches : t.count(position, matches.length)}
        </span>
        <button type="button" className="find-button" data-testid="find-previous" aria-label={t.previous} title={t.previous} disabled={matches.length === 0} onClick={() => go(-1)}>
          ↑
        </button>
        <button type="button" className="find-button" data-testid="find-next" aria-label={t.next} title={t.next} disabled={matches.length === 0} onClick={() => go(1)}>
          ↓
        </button>
        {mode === 'find' ? (
          <button type="button" className="find-button" data-testid="find-show-replace" onClick={() => onMode('replace')}>
            {t.showReplace}
          </button>
        ) : null}
        <button type="button" className="find-button" data-testid="find-close" aria-label={t.close} title={t.close} onClick={close}>
          ×
        </button>
      </div>
      {mode === 'replace' ? (
        <div className="find-row">
          <input
            className="find-input"
            data-testid="replace-input"
            aria-label={t.replace}
            placeholder={t.replacePlaceholder}
            value={replacement}
            spellCheck={false}
            onChange={(event) => setReplacement(event.target.value)}
            onKeyDown={(event) => keys(event, replaceOne)}
          />
          <button type="button" className="find-button" data-testid="replace-one" disabled={current === null || readOnlyHere} onClick={replaceOne}>
            {t.replaceOne}
          </button>
          <button type="button" className="find-button" data-testid="replace-all" disabled={matches.length === 0} onClick={replaceAll}>
            {t.replaceAll}
          </button>
        </div>
      ) : null}
      {message !== null || readOnlyHere ? (
        <p className="find-message" data-testid="find-message" role="status">
          {message ?? t.readOnlyMatch}
        </p>
      ) : null}
    </div>
  );
}
