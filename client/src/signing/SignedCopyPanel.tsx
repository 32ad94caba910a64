/**
 * The signing panel of an issued report (issue 10, items 3–4), shown to every reader once the report is
 * issued: "Tải PDF để ký" — or, when the server has no LibreOffice, why there is no PDF — the signed copy
 * with what its signatures say, and, for the office, the upload of the signed file.
 */
import { canUploadSignedCopy } from '../../../common/signedCopy.js';
import { issuedPdfUrl } from '../api/signedCopy.js';
import type { RoomConnection } from '../collab/connectRoom.js';
import { useT } from '../i18n/locale.js';
import { useSession } from '../session/SessionContext.js';
import { SignedCopyDetails } from './SignedCopyDetails.js';
import { SignedCopyUpload } from './SignedCopyUpload.js';
import { useSignedCopy } from './useSignedCopy.js';

export interface SignedCopyPanelProps {
  reportId: string;
  /** The report is issued (as its review room says): the panel shows only then. */
  issued: boolean;
  /** The report's review room, which says when the signed copy changes. */
  review: RoomConnection | undefined;
}

export function SignedCopyPanel({ reportId, issued, review }: SignedCopyPanelProps) {
  const t = useT();
  const { me } = useSession();
  const { capabilities, info, error, stored } = useSignedCopy(reportId, issued, review);
  if (!issued) return null;
  return (
    <section className="signing-panel" aria-labelledby="signing-heading" data-testid="signing-panel">
      <h2 id="signing-heading" className="signing-heading">
        {t.signing.heading}
      </h2>
      <div className="signing-pdf">
        {capabilities?.issuedPdf === false ? (
          <p className="signing-unavailable" role="note" data-testid="issued-pdf-unavailable">
            {t.signing.pdfUnavailable}
          </p>
        ) : (
          <>
            <a className="sheet-action" href={issuedPdfUrl(reportId)} download data-testid="issued-pdf">
              {t.signing.downloadPdf}
            </a>
            <span className="muted">{t.signing.pdfHint}</span>
          </>
        )}
      </div>
      {error !== null && info === null ? (
        <p role="alert" data-testid="signed-copy-load-error">
          {t.signing.loadError}
        </p>
      ) : info === null ? null : (
        <SignedCopyDetails reportId={reportId} info={info} />
      )}
      {canUploadSignedCopy(me.role) ? <SignedCopyUpload reportId={reportId} hasCopy={info?.current != null} onStored={stored} /> : null}
    </section>
  );
}
