/**
 * A one-line text field of the document (an agency line, the subject, a recipient, the signer's name)
 * that stores what is typed in Unicode NFC. Each change is handed on at once — the field is bound live to
 * a room — but normalised only outside composition: during a composition (Telex, VNI and other input
 * methods) the text is handed on as the browser has it, and normalised when the composition ends, so the
 * input method never sees its text change under it. Pasted text is normalised (and made one line) before
 * it goes in. When normalising shortens the text, the caret stays after the same letter.
 *
 * `fit` fields are textareas that grow with their text, wrapping in their column like the printed line
 * (the width comes from a hidden copy of the text in the same grid cell); `input` fields are plain inputs.
 */
import { useLayoutEffect, useRef, type ClipboardEvent, type CompositionEvent, type KeyboardEvent, type ChangeEvent } from 'react';
import { nfcOffset, toNfc } from '../text/nfc.js';

/** Props of {@link NfcTextField}. */
export interface NfcTextFieldProps {
  /** The stored value. */
  value: string;
  /** Called with each new value: NFC, except during a composition. */
  onValue(value: string): void;
  /** `fit`: a textarea as wide and tall as its text (up to its column); `input`: a plain input. */
  kind?: 'fit' | 'input';
  readOnly?: boolean;
  /** The field's name for screen readers (it has no visible label: it looks like the printed text). */
  label: string;
  placeholder?: string;
  testId?: string;
  className?: string;
  /** Draws a short centred rule under a `fit` field, a share of its text's width (PL I, agency and subject). */
  rule?: boolean;
  /** The id of a `<datalist>` of suggestions (`input` fields). */
  list?: string;
  inputMode?: 'text' | 'numeric';
  onBlur?(): void;
  /** Receives the element, e.g. to focus a field just added. */
  elementRef?(element: HTMLInputElement | HTMLTextAreaElement | null): void;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/** One line: line breaks and the blanks around them become one space. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A text field that stores NFC text (see the module comment). */
export function NfcTextField(props: NfcTextFieldProps) {
  const { value, onValue, kind = 'fit', readOnly = false, label, placeholder, testId, className = '', rule = false } = props;
  const element = useRef<Field | null>(null);
  // The caret to restore after a render that normalised the text.
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const field = element.current;
    const caret = pendingCaret.current;
    pendingCaret.current = null;
    if (field !== null && caret !== null && document.activeElement === field) field.setSelectionRange(caret, caret);
  });

  /** Hands on `raw`, normalised unless a composition is under way. */
  const commit = (field: Field, raw: string, composing: boolean) => {
    const text = oneLine(raw);
    if (composing) {
      onValue(text);
      return;
    }
    const normal = toNfc(text);
    if (normal !== raw) pendingCaret.current = nfcOffset(text, field.selectionStart ?? text.length);
    onValue(normal);
  };

  const onChange = (event: ChangeEvent<Field>) => {
    const composing = (event.nativeEvent as InputEvent).isComposing === true;
    commit(event.currentTarget, event.currentTarget.value, composing);
  };
  const onCompositionEnd = (event: CompositionEvent<Field>) => commit(event.currentTarget, event.currentTarget.value, false);
  const onPaste = (event: ClipboardEvent<Field>) => {
    if (readOnly) return;
    const pasted = event.clipboardData.getData('text/plain');
    event.preventDefault();
    const text = toNfc(oneLine(pasted));
    const field = event.currentTarget;
    field.focus();
    // execCommand keeps the browser's own undo; where it is unavailable, insert by hand.
    if (document.execCommand('insertText', false, text)) return;
    const start = field.selectionStart ?? field.value.length;
    field.setRangeText(text, start, field.selectionEnd ?? start, 'end');
    commit(field, field.value, false);
  };
  const onKeyDown = (event: KeyboardEvent<Field>) => {
    // One line: Enter never adds a line break (outside a composition, where it confirms the word).
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault();
  };
  const setElement = (field: Field | null) => {
    element.current = field;
    props.elementRef?.(field);
  };

  const common = {
    value,
    readOnly,
    placeholder,
    'aria-label': label,
    'data-testid': testId,
    spellCheck: false,
    onChange,
    onCompositionEnd,
    onPaste,
    onKeyDown,
    onBlur: props.onBlur,
  };
  if (kind === 'input') {
    return (
      <input
        {...common}
        ref={setElement}
        type="text"
        list={props.list}
        inputMode={props.inputMode}
        className={`doc-field ${readOnly ? 'is-read-only' : ''} ${className}`}
      />
    );
  }
  return (
    <span className={`fit-field ${readOnly ? 'is-read-only' : ''} ${className}`} data-value={value === '' ? (placeholder ?? '') : value}>
      <textarea {...common} ref={setElement} rows={1} cols={1} className="doc-field" />
      {rule ? <span className="fit-rule" aria-hidden="true" /> : null}
    </span>
  );
}
