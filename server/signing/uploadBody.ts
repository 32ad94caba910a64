/**
 * Reads an uploaded file from the raw request (issue 10, item 4), bounded: a declared length over the limit
 * is refused before a byte is read, a body that grows past it is refused at that chunk, and the file's first
 * bytes decide its type as soon as they arrive — so no more than the limit is ever held in memory, and of a
 * Word file no more than its first chunk. The SHA-256 is computed as it streams.
 *
 * After a refusal, what the client still sends is read and dropped, never kept (the route closes the
 * connection instead when the body declared no length within the limit).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  declaredType,
  isSignedCopyType,
  SNIFF_BYTES,
  sniffSignedCopyType,
  UNKNOWN_FILE_TYPE,
  type SignedCopyType,
} from '../../common/signedCopy.js';
import type { AppError } from '../errors.js';
import { emptyFile, fileTooLarge, fileTypeMismatch, unsupportedFileType, uploadAborted } from './signingErrors.js';

/** A file read whole. */
export interface Upload {
  bytes: Uint8Array;
  /** Lower-case hex. */
  sha256: string;
  /** As its bytes show it. */
  type: SignedCopyType;
}

/**
 * The refusals known from the headers alone: a declared length over `maxBytes` (413), a declared type that
 * is not accepted (415). Throws the refusal, or returns the declared type.
 */
export function checkDeclared(request: IncomingMessage, maxBytes: number): string {
  const length = Number(request.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes) throw fileTooLarge();
  const declared = declaredType(request.headers['content-type']);
  if (declared !== UNKNOWN_FILE_TYPE && !isSignedCopyType(declared)) throw unsupportedFileType();
  return declared;
}

/** Reads the body of `request` (checked by {@link checkDeclared} first), at most `maxBytes`. */
export function readUpload(request: IncomingMessage, declared: string, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    // Read to its end already (by nothing of ours): there is nothing left to store.
    if (request.readableEnded) return reject(emptyFile());
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let size = 0;
    let type: SignedCopyType | null = null;

    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const refuse = (error: AppError) => {
      stop();
      chunks.length = 0;
      // Drop what is still coming (see the file's comment).
      request.resume();
      reject(error);
    };
    /** The type of the first bytes, or the refusal; null while fewer than {@link SNIFF_BYTES} have come. */
    const decide = (final: boolean): AppError | null => {
      if (type !== null || (size < SNIFF_BYTES && !final)) return null;
      const head = new Uint8Array(Buffer.concat(chunks, Math.min(size, SNIFF_BYTES)));
      const sniffed = sniffSignedCopyType(head);
      if (sniffed === null) return unsupportedFileType();
      if (declared !== UNKNOWN_FILE_TYPE && declared !== sniffed) return fileTypeMismatch(declared, sniffed);
      type = sniffed;
      return null;
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return refuse(fileTooLarge());
      hash.update(chunk);
      chunks.push(chunk);
      const refusal = decide(false);
      if (refusal) refuse(refusal);
    };
    const onEnd = () => {
      stop();
      if (size === 0) return reject(emptyFile());
      const refusal = decide(true);
      if (refusal) return reject(refusal);
      // One copy of the file in memory: the Buffer is the Uint8Array.
      resolve({ bytes: Buffer.concat(chunks, size), sha256: hash.digest('hex'), type: type! });
    };
    const onError = () => {
      stop();
      reject(uploadAborted());
    };
    // 'close' before 'end': the client went away mid-file.
    const onClose = () => {
      if (!request.complete) onError();
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
