/** A name as typed into the admin forms, the way it is stored: NFC (precomposed Vietnamese), single spaces, trimmed. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}
