/**
 * Who the person at this browser is, as the rest of the client sees it.
 *
 * For now a display name typed on the first visit and a colour drawn once, both kept in localStorage.
 * When accounts arrive (`GET /api/me`), this is the one module to change: the name will come from the
 * account's `displayName` and the rest of the client keeps calling {@link loadIdentity}.
 */

/** The person shown to others: in presence lists and on their caret in the editors. */
export interface Identity {
  /** The display name ("Tên hiển thị"), as typed, trimmed. */
  name: string;
  /** A CSS colour (`#rrggbb`) that stays the same across visits. */
  color: string;
}

const NAME_KEY = 'dong-soan.displayName';
const COLOR_KEY = 'dong-soan.color';

/** The longest display name accepted; longer names would overflow caret labels and the presence bar. */
export const MAX_DISPLAY_NAME_LENGTH = 60;

/**
 * Caret colours: dark enough for white label text, distinct from each other and from the black body
 * text of the page.
 */
const PALETTE = [
  '#c0392b', '#d35400', '#b7950b', '#27ae60', '#16a085', '#2980b9',
  '#8e44ad', '#c2185b', '#5d4037', '#00838f', '#6a1b9a', '#2e7d32',
] as const;

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Storage can be disabled (private modes, policies); the person then types a name every visit.
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // See readStorage: nothing to keep the value in.
  }
}

function pickColor(): string {
  const index = Math.floor(Math.random() * PALETTE.length);
  return PALETTE[index] ?? PALETTE[0];
}

/** The colour of this browser, drawn on first use and kept afterwards. */
function stableColor(): string {
  const stored = readStorage(COLOR_KEY);
  if (stored !== null && /^#[0-9a-f]{6}$/i.test(stored)) return stored;
  const color = pickColor();
  writeStorage(COLOR_KEY, color);
  return color;
}

/** Normalises a typed name: trimmed, inner runs of spaces collapsed, NFC (precomposed Vietnamese). */
export function normaliseDisplayName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME_LENGTH);
}

/** The identity of this browser, or null when no display name has been given yet. */
export function loadIdentity(): Identity | null {
  const name = readStorage(NAME_KEY);
  if (name === null) return null;
  const normalised = normaliseDisplayName(name);
  if (normalised === '') return null;
  return { name: normalised, color: stableColor() };
}

/**
 * Stores the display name and returns the identity it gives.
 * @throws RangeError when the name is empty after normalising.
 */
export function saveDisplayName(raw: string): Identity {
  const name = normaliseDisplayName(raw);
  if (name === '') throw new RangeError('saveDisplayName: the name is empty');
  writeStorage(NAME_KEY, name);
  return { name, color: stableColor() };
}

/** Forgets the display name (the colour stays), so the next visit asks for a name again. */
export function forgetDisplayName(): void {
  writeStorage(NAME_KEY, null);
}
