/**
 * What the signing panel says, decided apart from how it is drawn (issue 10, item 4): how a digital
 * signature reads — fine, a warning, or wrong — and the words for a refused upload, the server's refusals
 * in the same words as the browser's own checks.
 */
import type { PdfSignature } from '../../../common/api/signedCopy.js';
import { ApiError, errorMessage } from '../api/http.js';
import type { Messages } from '../i18n/messages.js';

/** `ok`: verifies and covers the whole file; `warn`: verifies, but the file grew after signing; `bad`: does not verify or cannot be read. */
export type SignatureVerdict = 'ok' | 'warn' | 'bad';

export function signatureVerdict(signature: PdfSignature): SignatureVerdict {
  if (!signature.valid || signature.signerName === null) return 'bad';
  return signature.coversWholeFile ? 'ok' : 'warn';
}

/** The line after the signer's name for each verdict. */
export function verdictText(t: Messages, verdict: SignatureVerdict): string {
  switch (verdict) {
    case 'ok':
      return t.signing.valid;
    case 'warn':
      return t.signing.notWholeFile;
    case 'bad':
      return t.signing.invalid;
  }
}

/** The words for a failed upload. */
export function uploadRefusal(t: Messages, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return t.signing.tooLarge;
    if (error.status === 415) return t.signing.wrongType;
    if (error.status === 409) return t.signing.notIssued;
  }
  return t.signing.uploadFailed(errorMessage(error));
}
