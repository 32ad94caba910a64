/**
 * "Nơi nhận" as the footer prints it (PL I, ô 9a): each recipient on its line, "- …;", the last "- ….",
 * the closing "Lưu: VT, …" line last. Recipients are stored bare (CONTRACT.md): the dash and the closing
 * mark are drawn here, as the export prints them. The office adds, removes and edits lines; a new line goes
 * in before the "Lưu" line, which stays last.
 */
import { useEffect, useRef, useState } from 'react';
import { bareRecipient } from '../../../common/frame.js';
import { insertRecipient, newRecipientIndex, removeRecipient, setRecipient } from '../collab/frameRoom.js';
import { NfcTextField } from '../components/NfcTextField.js';
import { useT } from '../i18n/locale.js';
import { writeOrigin, type FrameBinding } from './frameBinding.js';

/** The closing mark of each line: ";" — "." on the last one that prints; none on a blank line. */
function closingMarks(recipients: readonly string[]): string[] {
  const printed = recipients.map((recipient) => bareRecipient(recipient) !== '');
  const last = printed.lastIndexOf(true);
  return printed.map((prints, index) => (!prints ? '' : index === last ? '.' : ';'));
}

/** The recipient lines and, for the office, the buttons that change the list. */
export function RecipientList({ frame }: { frame: FrameBinding }) {
  const t = useT();
  const { fields, writable, doc } = frame;
  const origin = writeOrigin(frame);
  const recipients = fields.recipients;
  const marks = closingMarks(recipients);
  const elements = useRef(new Map<number, HTMLInputElement | HTMLTextAreaElement>());
  // The line just added, focused once it is on the page.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    const element = elements.current.get(focusIndex);
    if (element === undefined) return;
    element.focus();
    setFocusIndex(null);
  }, [focusIndex, recipients]);

  const add = () => {
    if (!writable || doc === undefined) return;
    const index = newRecipientIndex(recipients);
    insertRecipient(doc, index, '', origin);
    setFocusIndex(index);
  };

  return (
    <>
      <ol className="recipient-list">
        {recipients.map((recipient, index) => (
          <li className="recipient-line" key={index}>
            <span className="recipient-dash" aria-hidden="true">
              -{' '}
            </span>
            <NfcTextField
              className="recipient"
              label={t.frame.recipient(index + 1)}
              placeholder={writable ? t.frame.recipientPlaceholder : undefined}
              testId={`recipient-${index}`}
              value={recipient}
              readOnly={!writable}
              elementRef={(element) => {
                if (element === null) elements.current.delete(index);
                else elements.current.set(index, element);
              }}
              onValue={(value) => writable && doc !== undefined && setRecipient(doc, index, value, origin)}
              // Punctuation typed by hand ("- Sở Nội vụ;") goes: the standard's is drawn around the line.
              onBlur={() => writable && doc !== undefined && setRecipient(doc, index, bareRecipient(recipient), origin)}
            />
            <span className="recipient-end" aria-hidden="true">
              {marks[index]}
            </span>
            {writable ? (
              <button
                type="button"
                className="line-remove"
                data-testid={`recipient-remove-${index}`}
                aria-label={t.frame.removeRecipient(index + 1)}
                title={t.frame.removeRecipient(index + 1)}
                onClick={() => doc !== undefined && removeRecipient(doc, index, origin)}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {writable ? (
        <button type="button" className="frame-add" data-testid="recipient-add" onClick={add}>
          + {t.frame.addRecipient}
        </button>
      ) : null}
    </>
  );
}
