/** The keys of a review card: Enter or Space on the card itself (not in its boxes and buttons) selects it. */
import type { KeyboardEvent } from 'react';

export function selectOnEnter(onSelect: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect();
    }
  };
}
