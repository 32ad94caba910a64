/**
 * The chairperson's note when returning a section (issue 9): one line, required, sent with Enter and
 * left with Escape. The field starts empty, not with "Trả lại: " — the verdict's chip already says "Trả
 * lại", so the note says only what to change ("bổ sung số liệu quý IV"); changing the note of a returned
 * section starts from the note it has.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_REVIEW_NOTE_LENGTH } from '../../../common/review.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useT } from '../i18n/locale.js';

interface ReturnFormProps {
  sectionId: string;
  /** The note the section was returned with, to change it; empty for a new return. */
  initialNote?: string;
  /** True while the verdict is on its way to the server. */
  pending: boolean;
  /** The last failure of sending it, or null. */
  error: unknown;
  /** Sends the note (trimmed, not empty). */
  onSubmit(note: string): void;
  /** Closes the form without sending. */
  onCancel(): void;
}

/** The inline form under a section's heading. */
export function ReturnForm({ sectionId, initialNote = '', pending, error, onSubmit, onCancel }: ReturnFormProps) {
  const t = useT();
  const [note, setNote] = useState(initialNote);
  const [missing, setMissing] = useState(false);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (trimmed === '') {
      setMissing(true);
      return;
    }
    onSubmit(trimmed);
  };

  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form className="verdict-return" data-testid={`verdict-form-${sectionId}`} onSubmit={submit} onKeyDown={escape} noValidate>
      <label className="verdict-return-label" htmlFor={`${id}-note`}>
        {t.verdict.noteLabel}
      </label>
      <input
        id={`${id}-note`}
        className="verdict-return-note"
        data-testid={`verdict-note-${sectionId}`}
        value={note}
        maxLength={MAX_REVIEW_NOTE_LENGTH}
        placeholder={t.verdict.notePlaceholder}
        aria-required="true"
        aria-invalid={missing}
        aria-describedby={`${id}-keys`}
        autoFocus
        readOnly={pending}
        onChange={(event) => {
          setNote(event.target.value);
          if (event.target.value.trim() !== '') setMissing(false);
        }}
      />
      <button type="submit" className="verdict-button is-return" data-testid={`verdict-send-${sectionId}`} disabled={pending}>
        {t.verdict.submitReturn}
      </button>
      <button type="button" className="verdict-button" onClick={onCancel}>
        {t.verdict.cancel}
      </button>
      <span className="verdict-return-keys" id={`${id}-keys`}>
        {t.verdict.keys}
      </span>
      {missing ? (
        <p className="verdict-return-missing" role="alert" data-testid={`verdict-missing-${sectionId}`}>
          {t.verdict.noteRequired}
        </p>
      ) : null}
      <ErrorMessage title={t.verdict.error} error={error} />
    </form>
  );
}
