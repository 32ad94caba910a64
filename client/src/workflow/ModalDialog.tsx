/**
 * A modal dialog of the workflow (issuing, sending back to draft), on the browser's own `<dialog>` opened
 * with `showModal()`: the page behind it is inert (no click or screen reader reaches it) and Escape cancels.
 * On top of that the keyboard is kept inside: Tab from the last control goes to the first, Shift+Tab from
 * the first to the last — `showModal` alone lets it leave for the browser's address bar. On opening, the
 * control marked `data-autofocus` (else the first) takes the keyboard; on closing, the keyboard goes back
 * where it was, or — when that is gone (the "Ban hành" button once issued) — to `fallbackFocus`.
 */
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

interface ModalDialogProps {
  title: string;
  testId: string;
  /** Called on Escape; the owner unmounts the dialog. */
  onClose(): void;
  /** Where the keyboard goes on closing when the control that opened the dialog is gone. */
  fallbackFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null || element === document.activeElement);
}

export function ModalDialog({ title, testId, onClose, fallbackFocus, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latest = useRef({ onClose, fallbackFocus });
  useLayoutEffect(() => {
    latest.current = { onClose, fallbackFocus };
  });

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    (element.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(element)[0])?.focus();
    return () => {
      if (element.open) element.close();
      const back = opener?.isConnected === true ? opener : latest.current.fallbackFocus?.current;
      back?.focus();
    };
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || dialog.current === null) return;
    const controls = focusables(dialog.current);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (first === undefined || last === undefined) return;
    const inside = dialog.current.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="workflow-dialog"
      data-testid={testId}
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        // Escape: the owner decides (it unmounts the dialog), so React's state and the element agree.
        event.preventDefault();
        latest.current.onClose();
      }}
    >
      <h2 className="workflow-dialog-title" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
