/**
 * What the digital signatures of a PDF say (issue 10, item 4): who signed (the certificate's common name
 * and organisation), when, whether the signature verifies, and whether it covers the whole file.
 *
 * A PDF signature (ISO 32000-1 §12.8) is a dictionary with `/ByteRange [a b c d]` — the two stretches of the
 * file that were signed, `a..a+b` and `c..c+d` — and `/Contents <…>`, the hex of a CMS SignedData (RFC
 * 5652) over them, sitting in the gap between the two. The dictionaries are found by a small careful
 * scanner over the bytes (pdfDictionary.ts); the CMS is read and verified by pkijs and asn1js, never by
 * hand. The certificate's chain is not checked (no trust store of Vietnamese CAs here): `chainTrust` is
 * `unknown`.
 *
 * A signature covers the whole file when its byte range starts at 0, its gap is exactly the value of its
 * /Contents, and it ends at the file's end: anything appended after signing (an incremental update) makes it
 * false. Hostile bytes — a truncated file, garbage in /Contents, byte ranges past the end — never throw or
 * loop: they give a signature that is not valid, or none.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PdfSignature } from '../../common/api/signedCopy.js';
import { hexBytes, PdfSyntaxError, readDictionary, type PdfValue, type ReadBudget } from './pdfDictionary.js';

/** The most signatures read from one file: a report carries one or two. */
export const MAX_SIGNATURES = 16;
/** How far before its /ByteRange a signature dictionary may start (its /Contents may come first). */
const MAX_LOOKBACK_BYTES = 4 * 1024 * 1024;
/** How many `<<` before a /ByteRange are tried as the start of its dictionary (nested ones come first). */
const MAX_CANDIDATES = 32;
/** How many /ByteRange keys are looked at, found or not. */
const MAX_KEYS = 256;
/** How many bytes reading dictionaries may go through, all tries of a file together. */
const READ_BUDGET_BYTES = 32 * 1024 * 1024;

const ID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const ID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const ID_COMMON_NAME = '2.5.4.3';
const ID_ORGANIZATION = '2.5.4.10';

/** A signature dictionary as found in the file. */
export interface SignatureField {
  /** Where the dictionary starts and ends. */
  start: number;
  end: number;
  /** `[a, b, c, d]`, or null when it is not four whole numbers. */
  byteRange: [number, number, number, number] | null;
  /** The `<…>` of /Contents: where it starts and ends, and the bytes it stands for. */
  contents: { start: number; end: number; der: Uint8Array };
  /** /M, the time the signing tool wrote, as written. */
  time: string | null;
}

const BYTE_RANGE = Buffer.from('/ByteRange', 'latin1');

/** Every signature dictionary of `bytes` (at most {@link MAX_SIGNATURES}), in file order. */
export function findSignatureFields(bytes: Uint8Array): SignatureField[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Map<number, SignatureField>();
  const budget: ReadBudget = { bytesLeft: READ_BUDGET_BYTES };
  let at = buffer.indexOf(BYTE_RANGE);
  for (let keys = 0; at !== -1 && keys < MAX_KEYS && found.size < MAX_SIGNATURES && budget.bytesLeft > 0; keys++) {
    const field = fieldAround(bytes, buffer, at, budget);
    if (field && !found.has(field.start)) found.set(field.start, field);
    // Another /ByteRange inside the dictionary just read is no signature of its own.
    at = buffer.indexOf(BYTE_RANGE, Math.max(at + 1, field?.end ?? 0));
  }
  return [...found.values()].sort((one, other) => one.start - other.start);
}

/** The signature dictionary whose /ByteRange key is at `keyAt`, or null. */
function fieldAround(bytes: Uint8Array, buffer: Buffer, keyAt: number, budget: ReadBudget): SignatureField | null {
  let candidate = keyAt;
  for (let tries = 0; tries < MAX_CANDIDATES && budget.bytesLeft > 0; tries++) {
    candidate = candidate > 0 ? buffer.lastIndexOf('<<', candidate - 1, 'latin1') : -1;
    if (candidate === -1 || keyAt - candidate > MAX_LOOKBACK_BYTES) return null;
    let dictionary;
    try {
      dictionary = readDictionary(bytes, candidate, budget);
    } catch (error) {
      if (error instanceof PdfSyntaxError) continue;
      throw error;
    }
    if (dictionary.entries.get('ByteRange')?.keyStart !== keyAt) continue;
    const contents = dictionary.entries.get('Contents')?.value;
    if (contents?.kind !== 'hex') return null;
    const time = dictionary.entries.get('M')?.value;
    return {
      start: dictionary.start,
      end: dictionary.end,
      byteRange: byteRangeOf(dictionary.entries.get('ByteRange')!.value),
      contents: { start: contents.start, end: contents.end, der: hexBytes(bytes, contents) },
      time: time?.kind === 'literal' ? time.text : null,
    };
  }
  return null;
}

function byteRangeOf(value: PdfValue): [number, number, number, number] | null {
  if (value.kind !== 'array' || value.items.length !== 4) return null;
  const numbers = value.items.map((item) => (item.kind === 'number' && /^\d{1,15}$/.test(item.text) ? Number(item.text) : null));
  return numbers.every((number) => number !== null) ? (numbers as [number, number, number, number]) : null;
}

/** The bytes a byte range names, or null when it does not lie within the file. */
export function signedBytes(bytes: Uint8Array, [a, b, c, d]: [number, number, number, number]): Uint8Array<ArrayBuffer> | null {
  if (a + b > c || c + d > bytes.length) return null;
  const data = new Uint8Array(b + d);
  data.set(bytes.subarray(a, a + b), 0);
  data.set(bytes.subarray(c, c + d), b);
  return data;
}

/** True when the signature covers all of the file but its own /Contents value. */
export function coversWholeFile(field: SignatureField, fileLength: number): boolean {
  if (!field.byteRange) return false;
  const [a, b, c, d] = field.byteRange;
  return a === 0 && b === field.contents.start && c === field.contents.end && c + d === fileLength;
}

/** A crypto engine of pkijs on the platform's WebCrypto. */
export function webCryptoEngine(): pkijs.ICryptoEngine {
  return new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
}

/** What every signature of the PDF `bytes` says, in file order; none for a scan or an unsigned PDF. */
export async function readPdfSignatures(bytes: Uint8Array, engine: pkijs.ICryptoEngine = webCryptoEngine()): Promise<PdfSignature[]> {
  const signatures: PdfSignature[] = [];
  for (const field of findSignatureFields(bytes)) {
    try {
      signatures.push(await readSignature(bytes, field, engine));
    } catch {
      // Whatever pkijs or asn1js stumbled on in hostile bytes: a signature that cannot be read is not valid.
      const time = pdfDate(field.time);
      signatures.push({ signerName: null, organization: null, signedAt: time, valid: false, coversWholeFile: coversWholeFile(field, bytes.length), chainTrust: 'unknown' });
    }
  }
  return signatures;
}

async function readSignature(bytes: Uint8Array, field: SignatureField, engine: pkijs.ICryptoEngine): Promise<PdfSignature> {
  const covers = coversWholeFile(field, bytes.length);
  const signedData = parseSignedData(field.contents.der);
  const unread: PdfSignature = { signerName: null, organization: null, signedAt: pdfDate(field.time), valid: false, coversWholeFile: covers, chainTrust: 'unknown' };
  if (!signedData) return unread;
  const data = field.byteRange ? signedBytes(bytes, field.byteRange) : null;
  const { valid, certificate } = await verify(signedData, data, engine);
  return {
    ...unread,
    signerName: certificate ? subjectAttribute(certificate, ID_COMMON_NAME) : null,
    organization: certificate ? subjectAttribute(certificate, ID_ORGANIZATION) : null,
    signedAt: isoDate(signingTime(signedData)) ?? unread.signedAt,
    valid,
  };
}

/** The SignedData of a DER ContentInfo (padded with zeros, as /Contents is), or null when it is none. */
function parseSignedData(der: Uint8Array): pkijs.SignedData | null {
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1) return null;
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return null;
    const signedData = new pkijs.SignedData({ schema: info.content });
    return signedData.signerInfos.length > 0 ? signedData : null;
  } catch {
    // pkijs throws on anything that does not fit the CMS schema: not a signature we can read.
    return null;
  }
}

/**
 * Verifies the first signer over `data` (null: the byte range does not lie within the file). Detached
 * signatures are verified over `data`; an embedded content (adbe.pkcs7.sha1, §12.8.3.3.1) must be the SHA-1
 * of `data`, else a signature over anything would pass; a timestamp token is checked against `data` by pkijs.
 */
async function verify(
  signedData: pkijs.SignedData,
  data: Uint8Array<ArrayBuffer> | null,
  engine: pkijs.ICryptoEngine,
): Promise<{ valid: boolean; certificate: pkijs.Certificate | null }> {
  const detached = data ? data.buffer : new ArrayBuffer(0);
  let valid: boolean;
  let certificate: pkijs.Certificate | null;
  try {
    const result = await signedData.verify({ signer: 0, data: detached, checkChain: false, extendedMode: true }, engine);
    valid = result.signatureVerified === true;
    certificate = result.signerCertificate ?? null;
  } catch (error) {
    // Refused (wrong digest, unknown algorithm, no certificate…): not valid, but the signer may be known.
    valid = false;
    certificate = error instanceof pkijs.SignedDataVerifyError ? error.signerCertificate : null;
  }
  const { eContent, eContentType } = signedData.encapContentInfo;
  if (valid && eContent && eContentType !== ID_TST_INFO) {
    const digest = data ? new Uint8Array(await engine.digest({ name: 'SHA-1' }, data)) : null;
    valid = digest !== null && Buffer.from(eContent.getValue()).equals(digest);
  }
  return { valid: valid && data !== null, certificate };
}

/** A text attribute of the certificate's subject (CN, O), NFC, without control characters; null when absent. */
function subjectAttribute(certificate: pkijs.Certificate, type: string): string | null {
  for (const entry of certificate.subject.typesAndValues) {
    if (entry.type !== type) continue;
    const value: unknown = (entry.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (typeof value !== 'string') continue;
    const clean = value.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 200);
    if (clean !== '') return clean;
  }
  return null;
}

/** The signing-time attribute the signer signed (RFC 5652 §11.3), or null. */
function signingTime(signedData: pkijs.SignedData): Date | null {
  for (const attribute of signedData.signerInfos[0]?.signedAttrs?.attributes ?? []) {
    if (attribute.type !== ID_SIGNING_TIME) continue;
    const value: unknown = attribute.values[0];
    if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  }
  return null;
}

/** ISO 8601 for a real date in years 1900–9999, else null (garbage dates are dropped, never thrown). */
function isoDate(date: Date | null): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? date.toISOString() : null;
}

/** A PDF date (ISO 32000 §7.9.4): `D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional. */
export function pdfDate(text: string | null): string | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(text ?? '');
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zulu, sign, offsetHours, offsetMinutes = '00'] = match;
  const offset = zulu || !sign ? 'Z' : `${sign}${offsetHours}:${offsetMinutes}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return isoDate(date);
}
