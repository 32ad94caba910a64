/** Binary columns as both stores read them back: better-sqlite3 gives a BLOB, and pg a bytea, as a Buffer. */

/** The Buffer's bytes as a plain Uint8Array over the same memory, without copying (a signed copy may be 50 MB). */
export function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
