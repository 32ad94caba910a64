/**
 * Who the person at this browser is, as the rest of the client sees it: the account the server knows
 * (`GET /api/me`), and what others see of it — the display name and a colour for the caret and the
 * presence list. This is the one module that turns an account into an {@link Identity}.
 */
import type { Me } from '../../common/account.js';

/** The person shown to others: in presence lists and on their caret in the editors. */
export interface Identity {
  /** The account's display name. The server puts it into awareness itself; the client's copy is for its own caret. */
  name: string;
  /** A CSS colour (`#rrggbb`), derived from the account id: the same person has the same colour everywhere. */
  color: string;
}

/**
 * Caret colours: dark enough for white label text, distinct from each other and from the black body
 * text of the page.
 */
const PALETTE = [
  '#c0392b', '#d35400', '#b7950b', '#27ae60', '#16a085', '#2980b9',
  '#8e44ad', '#c2185b', '#5d4037', '#00838f', '#6a1b9a', '#2e7d32',
] as const;

/** A colour of {@link PALETTE} picked by a hash of `id` (FNV-1a): stable across browsers and visits. */
export function colorFor(id: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0];
}

/** The identity an account shows to others. */
export function identityOf(me: Me): Identity {
  return { name: me.displayName, color: colorFor(me.id) };
}
