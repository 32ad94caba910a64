/**
 * A small, careful reader of PDF objects (ISO 32000-1 §7.2–7.3), enough to read a signature dictionary —
 * `<< /Type /Sig /ByteRange [0 840 960 240] /Contents <3082…> … >>` — straight from a file's bytes,
 * without reading the rest of the file (its cross-reference table may be broken, or lie). Every read is
 * bounded: a dictionary may not span more than {@link MAX_DICTIONARY_BYTES} nor nest deeper than
 * {@link MAX_DEPTH}, so hostile bytes end in a {@link PdfSyntaxError}, never in a long loop.
 */

/** A value as read: where it starts and ends (`end` is one past its last byte), and what it is. */
export type PdfValue =
  | { kind: 'dictionary'; start: number; end: number; entries: Map<string, PdfEntry> }
  | { kind: 'array'; start: number; end: number; items: PdfValue[] }
  | { kind: 'name'; start: number; end: number; name: string }
  | { kind: 'number'; start: number; end: number; text: string }
  /** `<…>`: `start` is the `<`, `end` one past the `>`. */
  | { kind: 'hex'; start: number; end: number }
  /** `(…)`: its bytes after escapes, as Latin-1 (enough for the dates of ISO 32000 §7.9.4). */
  | { kind: 'literal'; start: number; end: number; text: string }
  | { kind: 'reference'; start: number; end: number }
  | { kind: 'keyword'; start: number; end: number; word: string };

/** An entry of a dictionary: where its key starts, and its value. */
export interface PdfEntry {
  keyStart: number;
  value: PdfValue;
}

/** The most bytes one dictionary may span: a signature's /Contents with its certificates fits many times. */
export const MAX_DICTIONARY_BYTES = 2 * 1024 * 1024;
/** The deepest nesting of dictionaries and arrays read. */
export const MAX_DEPTH = 16;

/** Bytes that are not a PDF object where one was expected. */
export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
}

const isWhite = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
/** ( ) < > [ ] { } / % */
const isDelimiter = (byte: number) =>
  byte === 0x28 || byte === 0x29 || byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x2f || byte === 0x25;
const isRegular = (byte: number) => !isWhite(byte) && !isDelimiter(byte);
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
export const isHexDigit = (byte: number) => isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

/** Reads objects from `bytes`, never past `limit`. */
class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
    private readonly limit: number,
  ) {}

  private at(index: number): number {
    if (index >= this.limit) throw new PdfSyntaxError('the object runs past the end of what is read');
    return this.bytes[index]!;
  }

  /** Skips white space and comments. */
  skip(): void {
    while (this.pos < this.limit) {
      const byte = this.bytes[this.pos]!;
      if (isWhite(byte)) this.pos++;
      else if (byte === 0x25) while (this.pos < this.limit && this.bytes[this.pos] !== 0x0a && this.bytes[this.pos] !== 0x0d) this.pos++;
      else return;
    }
  }

  value(depth: number): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError('nested too deeply');
    this.skip();
    const start = this.pos;
    const byte = this.at(start);
    if (byte === 0x3c) return this.at(start + 1) === 0x3c ? this.dictionary(depth) : this.hex();
    if (byte === 0x5b) return this.array(depth);
    if (byte === 0x2f) return this.name();
    if (byte === 0x28) return this.literal();
    if (isDigit(byte) || byte === 0x2b || byte === 0x2d || byte === 0x2e) return this.numberOrReference();
    if (isRegular(byte)) {
      while (this.pos < this.limit && isRegular(this.bytes[this.pos]!)) this.pos++;
      return { kind: 'keyword', start, end: this.pos, word: latin1(this.bytes, start, this.pos) };
    }
    throw new PdfSyntaxError(`unexpected byte ${byte} at ${start}`);
  }

  dictionary(depth: number): PdfValue & { kind: 'dictionary' } {
    const start = this.pos;
    this.pos += 2;
    const entries = new Map<string, PdfEntry>();
    for (;;) {
      this.skip();
      if (this.at(this.pos) === 0x3e && this.at(this.pos + 1) === 0x3e) {
        this.pos += 2;
        return { kind: 'dictionary', start, end: this.pos, entries };
      }
      const key = this.value(depth + 1);
      if (key.kind !== 'name') throw new PdfSyntaxError(`a dictionary key that is not a name at ${key.start}`);
      const value = this.value(depth + 1);
      // ISO 32000 §7.3.7: a key given twice is an error; the first is kept, as most readers do.
      if (!entries.has(key.name)) entries.set(key.name, { keyStart: key.start, value });
    }
  }

  array(depth: number): PdfValue & { kind: 'array' } {
    const start = this.pos++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skip();
      if (this.at(this.pos) === 0x5d) {
        this.pos++;
        return { kind: 'array', start, end: this.pos, items };
      }
      items.push(this.value(depth + 1));
    }
  }

  name(): PdfValue & { kind: 'name' } {
    const start = this.pos++;
    let name = '';
    while (this.pos < this.limit && isRegular(this.bytes[this.pos]!)) {
      const byte = this.bytes[this.pos++]!;
      // #xx: a byte written in hex (§7.3.5).
      if (byte === 0x23 && this.pos + 1 < this.limit && isHexDigit(this.bytes[this.pos]!) && isHexDigit(this.bytes[this.pos + 1]!)) {
        name += String.fromCharCode(parseInt(latin1(this.bytes, this.pos, this.pos + 2), 16));
        this.pos += 2;
      } else name += String.fromCharCode(byte);
    }
    return { kind: 'name', start, end: this.pos, name };
  }

  hex(): PdfValue & { kind: 'hex' } {
    const start = this.pos++;
    for (;;) {
      const byte = this.at(this.pos++);
      if (byte === 0x3e) return { kind: 'hex', start, end: this.pos };
      if (!isHexDigit(byte) && !isWhite(byte)) throw new PdfSyntaxError(`a hex string with byte ${byte} at ${this.pos - 1}`);
    }
  }

  literal(): PdfValue & { kind: 'literal' } {
    const start = this.pos++;
    let depth = 1;
    let text = '';
    for (;;) {
      const byte = this.at(this.pos++);
      if (byte === 0x5c) {
        // An escape: the next byte is taken as it is (octal and \n forms are not needed for dates).
        text += String.fromCharCode(this.at(this.pos++));
        continue;
      }
      if (byte === 0x28) depth++;
      if (byte === 0x29 && --depth === 0) return { kind: 'literal', start, end: this.pos, text };
      text += String.fromCharCode(byte);
    }
  }

  /** A number, or `<object> <generation> R`. */
  numberOrReference(): PdfValue {
    const number = this.number();
    const after = this.pos;
    if (/^\d+$/.test(number.text)) {
      this.skip();
      if (this.pos < this.limit && isDigit(this.bytes[this.pos]!)) {
        const generation = this.number();
        this.skip();
        if (/^\d+$/.test(generation.text) && this.pos < this.limit && this.bytes[this.pos] === 0x52 /* R */) {
          const end = this.pos + 1;
          if (end >= this.limit || !isRegular(this.bytes[end]!)) {
            this.pos = end;
            return { kind: 'reference', start: number.start, end };
          }
        }
      }
    }
    this.pos = after;
    return number;
  }

  number(): PdfValue & { kind: 'number' } {
    const start = this.pos;
    while (this.pos < this.limit && isRegular(this.bytes[this.pos]!)) this.pos++;
    const text = latin1(this.bytes, start, this.pos);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) throw new PdfSyntaxError(`"${text.slice(0, 20)}" is not a number`);
    return { kind: 'number', start, end: this.pos, text };
  }
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index++) text += String.fromCharCode(bytes[index]!);
  return text;
}

/**
 * How many bytes all the reads of one file may go through together: a file of thousands of fake keys
 * makes the search try many starts, and this ends it, whatever it found by then.
 */
export interface ReadBudget {
  bytesLeft: number;
}

/**
 * The dictionary that starts with the `<<` at `start`, read to its `>>`; throws {@link PdfSyntaxError}
 * when the bytes there are not one, or it spans more than {@link MAX_DICTIONARY_BYTES} or what is left of
 * `budget` (which is charged with what the read went through, whether or not it found a dictionary).
 */
export function readDictionary(bytes: Uint8Array, start: number, budget: ReadBudget): PdfValue & { kind: 'dictionary' } {
  if (bytes[start] !== 0x3c || bytes[start + 1] !== 0x3c) throw new PdfSyntaxError(`no dictionary at ${start}`);
  const reader = new Reader(bytes, start, Math.min(bytes.length, start + MAX_DICTIONARY_BYTES, start + Math.max(0, budget.bytesLeft)));
  try {
    return reader.dictionary(0);
  } finally {
    budget.bytesLeft -= Math.max(reader.pos - start, 2);
  }
}

/** The value of a hex digit (`0`–`9`, `A`–`F`, `a`–`f`). */
const nibble = (byte: number) => (byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x57);

/** The bytes a hex string stands for (`<48 65 6C>`; an odd last digit is followed by 0, §7.3.4.3). */
export function hexBytes(bytes: Uint8Array, value: PdfValue & { kind: 'hex' }): Uint8Array {
  let count = 0;
  for (let index = value.start + 1; index < value.end - 1; index++) if (isHexDigit(bytes[index]!)) count++;
  const out = new Uint8Array(Math.ceil(count / 2));
  let digit = 0;
  for (let index = value.start + 1; index < value.end - 1; index++) {
    const byte = bytes[index]!;
    if (!isHexDigit(byte)) continue;
    const at = digit >> 1;
    out[at] = out[at]! | (digit % 2 === 0 ? nibble(byte) << 4 : nibble(byte));
    digit++;
  }
  return out;
}
