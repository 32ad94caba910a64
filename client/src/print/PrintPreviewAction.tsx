/**
 * "Xem bản in" above the page (issue 12: a print preview in the browser shows the same pages as the export):
 * a link that opens the report's PDF, rendered on the server from the current Word export by the same
 * LibreOffice as the issued PDF, in a new tab, where the browser's own viewer shows it page by page. Where
 * the server has no LibreOffice (as `GET /api/capabilities` says), it says so instead of opening an error.
 */
import { useEffect, useState } from 'react';
import { getCapabilities } from '../api/signedCopy.js';
import { useT } from '../i18n/locale.js';
import { previewPdfUrl } from './previewUrl.js';

export function PrintPreviewAction({ reportId }: { reportId: string }) {
  const t = useT();
  // Unknown until the server answers: the link is offered, and the server says why if it cannot render.
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    getCapabilities(abort.signal).then(
      (capabilities) => setAvailable(capabilities.issuedPdf),
      () => undefined,
    );
    return () => abort.abort();
  }, []);

  if (available === false) {
    return (
      <span className="muted" role="note" data-testid="print-preview-unavailable">
        {t.print.unavailable}
      </span>
    );
  }
  return (
    <a className="sheet-action" href={previewPdfUrl(reportId)} target="_blank" rel="noopener" title={t.print.previewTitle} data-testid="print-preview">
      {t.print.preview}
    </a>
  );
}
