/**
 * "Xem bản in" (issue 12): on the report page, a link that opens the report as it prints — the current Word
 * export laid out by the server's LibreOffice — in a new tab; where the server has no LibreOffice, a note
 * says so instead.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/config.js';
import { createReport, seedWorkspace } from '../helpers/api.js';
import { loginAs, useBrowser } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

describe('the print preview', { timeout: 120_000 }, () => {
  const browsers = useBrowser();

  describe('with LibreOffice on the server', () => {
    const server = useServer();

    it('opens the report’s PDF in a new tab', async () => {
      const { url, adminCookie } = server();
      const workspace = await seedWorkspace(server());
      const report = await createReport(url, { title: 'Sơ kết công tác năm 2025' }, adminCookie);
      const page = await browsers.newPage();
      await loginAs(page, `${url}/reports/${report.id}`, workspace.office.username, workspace.office.password);

      const link = page.getByTestId('print-preview');
      await expect.poll(() => link.textContent()).toBe('Xem bản in');
      expect(await link.getAttribute('href')).toBe(`/api/reports/${report.id}/preview.pdf`);
      expect(await link.getAttribute('target')).toBe('_blank');

      // Whatever the tab then does with a PDF (show it, or in a headless browser save it), what it was sent.
      const sent = page.context().waitForEvent('response', (response) => response.url().endsWith('/preview.pdf'));
      const [tab] = await Promise.all([page.waitForEvent('popup'), link.click()]);
      const response = await sent;
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect(response.headers()['content-disposition']).toMatch(/^inline; /);
      expect(tab.url()).toMatch(/\/preview\.pdf$|^about:blank$/);
    });
  });

  describe('without LibreOffice', () => {
    const server = useServer({ config: { pdf: { ...defaultConfig().pdf, soffice: '/nonexistent/soffice' } } });

    it('says why there is no preview instead of offering it', async () => {
      const { url, adminCookie } = server();
      const workspace = await seedWorkspace(server());
      const report = await createReport(url, { title: 'Sơ kết công tác năm 2025' }, adminCookie);
      const page = await browsers.newPage();
      await loginAs(page, `${url}/reports/${report.id}`, workspace.office.username, workspace.office.password);
      await expect.poll(() => page.getByTestId('print-preview-unavailable').textContent()).toContain('LibreOffice');
      expect(await page.getByTestId('print-preview').count()).toBe(0);
    });
  });
});
