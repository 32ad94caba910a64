/** A card takes the keyboard when the review asks it to (it was just sent from the composer). */
import { useEffect, useRef } from 'react';
import { useReview } from './ReviewContext.js';

export function useCardFocus<T extends HTMLElement>(id: string) {
  const { focusRequest, focusTaken } = useReview();
  const element = useRef<T>(null);
  useEffect(() => {
    if (focusRequest !== id || element.current === null) return;
    element.current.focus();
    focusTaken();
  }, [focusRequest, id, focusTaken]);
  return element;
}
