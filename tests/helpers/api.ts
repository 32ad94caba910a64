/** Small typed REST calls against a test server. */
import type { Report } from '../../common/report.js';

export async function createReport(url: string, body: { templateId?: string; title?: string } = {}): Promise<Report> {
  const response = await fetch(`${url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templateId: 'bao-cao-so-ket', ...body }),
  });
  if (response.status !== 201) throw new Error(`POST /api/reports: ${response.status} ${await response.text()}`);
  return (await response.json()) as Report;
}
