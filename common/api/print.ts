/**
 * The print preview (issue 12, "The export, as printed"): the report's Word file as LibreOffice lays it out,
 * as PDF, so that what the browser shows is what prints.
 */
import { z } from 'zod';
import { defineRoute } from './route.js';

const reportParams = z.object({ id: z.string() });

export const printRoutes = {
  previewPdf: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/preview.pdf',
    summary:
      'The print preview: the Word file `GET …/export.docx` gives now (the file stored at issuing, once issued) rendered to PDF by LibreOffice, as the issued PDF is, shown inline; built afresh at each call and not stored',
    roles: 'signed-in',
    rolesNote: 'anyone who may read the report: the office, the admin, the chairperson, and the departments that own one of its sections',
    params: reportParams,
    success: { status: 200, description: 'the PDF, inline, named after the report', file: 'application/pdf' },
    errors: {
      403: 'not shared with the caller',
      404: 'no such report',
      413: 'the report is over the export’s size limit (`export_too_large`)',
      503: 'LibreOffice is not installed on the server (`pdf_unavailable`), it is busy rendering others (`pdf_busy`), or every export thread is taken (`export_busy`)',
    },
  }),
};
