/**
 * Digitally signed PDFs made in the test (issue 10, item 4), as a signing tool makes them: a self-signed
 * certificate (pkijs + WebCrypto, RSA-2048), a one-page PDF with a signature field whose /Contents is a
 * placeholder of zeros and whose /ByteRange is a placeholder of the same width, the byte range computed
 * around the placeholder, a detached CMS SignedData over those bytes (pkijs), and its hex written into the
 * placeholder. Nothing is read from disk, so the fixture is what the test says it is.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** A signer: the certificate and the key that signs with it. */
export interface SigningIdentity {
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
}

export interface IdentityOptions {
  /** The certificate's CN. */
  commonName?: string;
  /** Its O. */
  organization?: string;
}

const engine = () => new pkijs.CryptoEngine({ name: 'test', crypto: globalThis.crypto });

/** A self-signed RSA-2048 certificate for `commonName` of `organization`, valid from 2025 to 2030. */
export async function makeSigningIdentity({ commonName = 'Nguyễn Văn A', organization = 'UBND xã Mỹ An' }: IdentityOptions = {}): Promise<SigningIdentity> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: 20250630 });
  const name = () => [
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: organization }) }),
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
  ];
  certificate.issuer.typesAndValues = name();
  certificate.subject.typesAndValues = name();
  certificate.notBefore.value = new Date('2025-01-01T00:00:00Z');
  certificate.notAfter.value = new Date('2030-01-01T00:00:00Z');
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine());
  await certificate.sign(keys.privateKey, 'SHA-256', engine());
  return { certificate, privateKey: keys.privateKey };
}

export interface PdfOptions {
  /** The page's one line (ASCII). */
  text?: string;
  /** Write /Contents before /ByteRange in the signature dictionary (some tools do). */
  contentsFirst?: boolean;
  /** The placeholder's size in bytes (twice as many hex digits). */
  placeholderBytes?: number;
  /** The signing-time attribute. */
  signingTime?: Date;
  /** The /SubFilter written. */
  subFilter?: string;
  /** More entries of the signature dictionary, written before /ByteRange and /Contents. */
  entries?: string;
  /** What goes into /Contents instead of a detached signature over the signed bytes (the hostile cases). */
  cms?: (signed: Uint8Array) => Promise<Uint8Array>;
}

const DEFAULT_PLACEHOLDER_BYTES = 8192;
/** Fifteen digits a number: every byte range fits, and a test can write the largest a reader accepts in its place. */
const RANGE_PLACEHOLDER = `[0 ${'0'.repeat(15)} ${'0'.repeat(15)} ${'0'.repeat(15)}]`;

/** The PDF's text, object by object, with a cross-reference table computed from the real offsets. */
function pdfText(objects: readonly string[]): string {
  let text = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return text;
}

/** The objects of a one-page PDF; with `signature`, a signature field whose value is that dictionary. */
function pageObjects(text: string, signature?: string): string[] {
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  const form = signature ? ' /AcroForm << /Fields [5 0 R] /SigFlags 3 >>' : '';
  const annots = signature ? ' /Annots [5 0 R]' : '';
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${form} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >>${annots} >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky 1) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 7 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (signature) objects.push(signature);
  return objects;
}

/** A one-page PDF without any signature. */
export function unsignedPdf(text = 'Bao cao so ket 6 thang dau nam 2025'): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(pdfText(pageObjects(text)), 'latin1'));
}

/** A one-page PDF signed by `identity` over the whole file but its /Contents. */
export async function signedPdf(identity: SigningIdentity, options: PdfOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const placeholderBytes = options.placeholderBytes ?? DEFAULT_PLACEHOLDER_BYTES;
  const contents = `/Contents <${'0'.repeat(placeholderBytes * 2)}>`;
  const range = `/ByteRange ${RANGE_PLACEHOLDER}`;
  const entries = options.contentsFirst ? `${contents} ${range}` : `${range} ${contents}`;
  const subFilter = options.subFilter ?? 'adbe.pkcs7.detached';
  const signature = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${subFilter} /M (D:20250630100000+07'00') ${options.entries ?? ''} ${entries} >>`;
  const bytes = Buffer.from(pdfText(pageObjects(options.text ?? 'Bao cao so ket 6 thang dau nam 2025', signature)), 'latin1');

  // The gap is the /Contents value, from its "<" to just after its ">".
  const gapStart = bytes.indexOf(`/Contents <`, 0, 'latin1') + '/Contents '.length;
  const gapEnd = gapStart + placeholderBytes * 2 + 2;
  const byteRange = [0, gapStart, gapEnd, bytes.length - gapEnd];
  const rangeAt = bytes.indexOf(RANGE_PLACEHOLDER, 0, 'latin1');
  bytes.write(`[${byteRange.join(' ')}]`.padEnd(RANGE_PLACEHOLDER.length, ' '), rangeAt, 'latin1');

  const signed = Buffer.concat([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)]);
  const der = options.cms ? await options.cms(signed) : await detachedSignature(identity, signed, options.signingTime ?? new Date('2025-06-30T03:00:00Z'));
  if (der.length > placeholderBytes) throw new Error(`the signature (${der.length} bytes) does not fit the placeholder`);
  bytes.write(Buffer.from(der).toString('hex'), gapStart + 1, 'latin1');
  return new Uint8Array(bytes);
}

/** A DER CMS ContentInfo holding a detached SignedData over `data` (SHA-256, signed attributes). */
export function detachedSignature(identity: SigningIdentity, signed: Uint8Array, signingTime: Date): Promise<Uint8Array> {
  return signature(identity, signed, signingTime);
}

/**
 * A DER CMS ContentInfo of a SignedData over `content` (with a signing-time attribute unless null); with
 * `embedded`, that content is carried inside it
 * (as adbe.pkcs7.sha1 carries the SHA-1 of the signed bytes) instead of being detached.
 */
export async function signature(identity: SigningIdentity, content: Uint8Array, signingTime: Date | null, embedded = false): Promise<Uint8Array> {
  const { certificate, privateKey } = identity;
  const data = new Uint8Array(content);
  const digest = await crypto.subtle.digest('SHA-256', data);
  const attributes = [
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
    ...(signingTime ? [new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] })] : []),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
  ];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '1.2.840.113549.1.7.1',
      ...(embedded ? { eContent: new asn1js.OctetString({ valueHex: data }) } : {}),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(privateKey, 0, 'SHA-256', data, engine());
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}
