/**
 * Reads what updateCheck.ts needs of a client's update — each struct's id and length, the ids it refers
 * to, the ranges it deletes — straight from the bytes of Yjs's update format (v1, what y-websocket sends),
 * without building Yjs's structs (issue 13: `Y.decodeUpdate` made them for every keystroke, and then
 * `Y.applyUpdate` made them again). It reads exactly what Yjs's own decoder reads, with lib0's readers,
 * parsing every JSON and `any` value as Yjs would, so whatever Yjs would fail on fails here.
 *
 * Content it does not read itself — a subdocument, or anything unexpected — is left to Yjs's decoder:
 * the scan answers null and the caller decodes the update whole. Stricter than Yjs in one thing: a client's
 * structs in two blocks (Yjs's encoder never writes that; its `applyUpdate` would keep only the last
 * block, leaving the rest pending) are malformed.
 */
import * as decoding from 'lib0/decoding';

/** The structure of an update, flattened into numbers. */
export interface UpdateOutline {
  /** Per struct: client, clock, length, and 1 for a Skip (a gap the sender left), else 0. */
  structs: number[];
  /** Per id a struct refers to (its origin, right origin or parent item): client, clock. */
  references: number[];
  /** Per deleted range: client, clock, length. */
  deletes: number[];
}

const BIT6 = 0x20;
const BIT7 = 0x40;
const BIT8 = 0x80;
const CONTENT = 0x1f;

/** What a struct's info byte says about its content (Yjs's contentRefs, in order). */
const enum Content {
  gc = 0,
  deleted = 1,
  json = 2,
  binary = 3,
  string = 4,
  embed = 5,
  format = 6,
  type = 7,
  any = 8,
  doc = 9,
  skip = 10,
}

/** Yjs's type refs: 3 (XmlElement) and 5 (XmlHook) carry a name; 0–6 exist. */
const TYPE_WITH_NAME = new Set([3, 5]);
const LAST_TYPE = 6;

/** A JSON string as Yjs reads it ('undefined' stands for undefined); throws where JSON.parse does. */
function readJson(decoder: decoding.Decoder): void {
  const text = decoding.readVarString(decoder);
  if (text !== 'undefined') JSON.parse(text);
}

/** Reads one item's content; its length, or null for content left to Yjs's decoder. */
function readContent(decoder: decoding.Decoder, kind: number): number | null {
  switch (kind) {
    case Content.deleted:
      return decoding.readVarUint(decoder);
    case Content.json: {
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index++) readJson(decoder);
      return count;
    }
    case Content.binary:
      decoding.readVarUint8Array(decoder);
      return 1;
    case Content.string:
      return decoding.readVarString(decoder).length;
    case Content.embed:
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case Content.format:
      decoding.readVarString(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case Content.type: {
      const ref = decoding.readVarUint(decoder);
      if (ref > LAST_TYPE) return null;
      if (TYPE_WITH_NAME.has(ref)) decoding.readVarString(decoder);
      return 1;
    }
    case Content.any: {
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index++) decoding.readAny(decoder);
      return count;
    }
    default:
      return null;
  }
}

/**
 * The outline of a v1 update; `'malformed'` when its bytes do not decode (Yjs's decoder would throw on
 * them); null when it holds content this reader leaves to Yjs (decode it with `Y.decodeUpdate`).
 */
export function outlineUpdate(update: Uint8Array): UpdateOutline | 'malformed' | null {
  const decoder = decoding.createDecoder(update);
  const outline: UpdateOutline = { structs: [], references: [], deletes: [] };
  try {
    const blocks = decoding.readVarUint(decoder);
    const clients = blocks > 1 ? new Set<number>() : null;
    for (let block = 0; block < blocks; block++) {
      const count = decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      let clock = decoding.readVarUint(decoder);
      if (clients) {
        if (clients.has(client)) return 'malformed';
        clients.add(client);
      }
      for (let index = 0; index < count; index++) {
        const length = readStruct(decoder, outline, client, clock);
        if (length === null) return null;
        clock += length;
      }
    }
    readDeleteSet(decoder, outline);
  } catch {
    return 'malformed';
  }
  return outline;
}

/**
 * Reads the struct at `clock` of `client` into the outline; its length, or null when its content is left
 * to Yjs. As Yjs's reader: info 10 is a Skip, content 0 a GC, anything else an item.
 */
function readStruct(decoder: decoding.Decoder, outline: UpdateOutline, client: number, clock: number): number | null {
  const info = decoding.readUint8(decoder);
  // Past the end, lib0's readUint8 gives undefined where Yjs's next read throws.
  if (info === undefined) throw new Error('unexpected end of update');
  if (info === Content.skip) {
    const length = decoding.readVarUint(decoder);
    outline.structs.push(client, clock, length, 1);
    return length;
  }
  const kind = info & CONTENT;
  if (kind === Content.gc) {
    const length = decoding.readVarUint(decoder);
    outline.structs.push(client, clock, length, 0);
    return length;
  }
  if ((info & BIT8) === BIT8) outline.references.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if ((info & BIT7) === BIT7) outline.references.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else outline.references.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
    if ((info & BIT6) === BIT6) decoding.readVarString(decoder);
  }
  const length = readContent(decoder, kind);
  if (length !== null) outline.structs.push(client, clock, length, 0);
  return length;
}

function readDeleteSet(decoder: decoding.Decoder, outline: UpdateOutline): void {
  const clients = decoding.readVarUint(decoder);
  for (let index = 0; index < clients; index++) {
    const client = decoding.readVarUint(decoder);
    const ranges = decoding.readVarUint(decoder);
    for (let range = 0; range < ranges; range++) outline.deletes.push(client, decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  }
}
