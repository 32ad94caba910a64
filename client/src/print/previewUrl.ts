/** Where the print preview of a report is (`GET /api/reports/:id/preview.pdf`, issue 12). */
import { api } from '../../../common/api/routes.js';
import { pathOf } from '../../../common/api/route.js';

export function previewPdfUrl(reportId: string): string {
  return pathOf(api.previewPdf, { id: reportId });
}
