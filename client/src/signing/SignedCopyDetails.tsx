/**
 * The signed copy of an issued report as every reader sees it (issue 10, item 4): its download under its
 * name, its size and SHA-256 (to check a copy against), who uploaded it when, and what each of its digital
 * signatures says — "Ký số bởi Nguyễn Văn A — chữ ký hợp lệ, phủ toàn bộ tệp", or the warning that it does
 * not verify or no longer covers the whole file.
 */
import type { PdfSignature, SignedCopyInfo } from '../../../common/api/signedCopy.js';
import { signedCopyUrl } from '../api/signedCopy.js';
import { useT } from '../i18n/locale.js';
import { signatureVerdict, verdictText } from './signingVerdicts.js';

function SignatureLine({ signature }: { signature: PdfSignature }) {
  const t = useT();
  const kind = signatureVerdict(signature);
  if (signature.signerName === null) {
    return (
      <li className="signature-line is-bad" data-testid="signature-line" data-verdict="bad">
        {t.signing.unreadable}
      </li>
    );
  }
  return (
    <li className={`signature-line is-${kind}`} data-testid="signature-line" data-verdict={kind}>
      <span data-testid="signature-signer">{t.signing.signedBy(signature.signerName, signature.organization)}</span>
      {signature.signedAt === null ? null : <> {t.signing.signedAt(signature.signedAt)}</>} — <span>{verdictText(t, kind)}</span>
    </li>
  );
}

export function SignedCopyDetails({ reportId, info }: { reportId: string; info: SignedCopyInfo }) {
  const t = useT();
  const copy = info.current;
  if (copy === null) {
    return (
      <p className="muted" data-testid="signed-copy-none">
        {t.signing.none}
      </p>
    );
  }
  const name = copy.uploadedByName ?? copy.uploadedBy;
  return (
    <div className="signed-copy" data-testid="signed-copy">
      <p className="signed-copy-file">
        {t.signing.signedCopy}{' '}
        <a href={signedCopyUrl(reportId)} download={copy.fileName} data-testid="signed-copy-download">
          {copy.fileName}
        </a>{' '}
        <span className="muted" data-testid="signed-copy-size">
          ({t.signing.size(copy.size)})
        </span>
      </p>
      <p className="signed-copy-hash">
        {t.signing.sha256Label}: <code data-testid="signed-copy-sha256">{copy.sha256}</code>
      </p>
      <p className="muted" data-testid="signed-copy-uploaded">
        {t.signing.uploadedBy(name, copy.uploadedAt)}
        {info.earlier.length > 0 ? <> {t.signing.replaced(info.earlier.length)}</> : null}
      </p>
      {copy.signatures.length === 0 ? (
        <p className="muted" data-testid="signature-none">
          {t.signing.noSignature}
        </p>
      ) : (
        <>
          <ul className="signature-lines">
            {copy.signatures.map((signature, index) => (
              <SignatureLine key={index} signature={signature} />
            ))}
          </ul>
          <p className="muted signature-trust">{t.signing.trustUnknown}</p>
        </>
      )}
    </div>
  );
}
