/**
 * axe-core on every page of the client (issue 12, item 6): the login page, the report list, a report as the
 * department writing a section (a table and an award tally in it, the toolbar shown), as the office (the
 * header and footer fields) and as the chairperson (the review sidebar with a comment), the administration
 * page, the audit log, a version and its comparison, and a path that is no page — none with a serious or
 * critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignSection, call, createReport } from '../helpers/api.js';
import { editorSelector, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

/** A violation as the failure shows it: the rule, its impact, what it says, where. */
interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations axe finds in the page as it is now. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

const SECTION = 'tham-muu';

describe('accessibility of every page (axe-core)', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);
  let reportId: string;
  let versionId: string;

  beforeAll(async () => {
    const report = await createReport(server().url, { title: 'Sơ kết công tác thi đua 6 tháng' }, officeCookie());
    reportId = report.id;
    await assignSection(server().url, officeCookie(), reportId, SECTION, workspace().departments.noivu.id);
    const version = await call(server().url, officeCookie(), 'POST', `/api/reports/${reportId}/versions`, { label: 'Bản đầu' });
    expect(version.status).toBe(201);
    versionId = ((await version.json()) as { id: string }).id;
  });

  const url = (path: string) => `${server().url}${path}`;
  const reportUrl = () => url(`/reports/${reportId}`);

  async function signedIn(path: string, account: { username: string; password: string }): Promise<Page> {
    const page = await browsers.newPage();
    await loginAs(page, path, account.username, account.password);
    return page;
  }

  it('finds nothing serious on the login page', async () => {
    const page = await browsers.newPage();
    await page.goto(url('/login'));
    await page.getByTestId('login-form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on the report list', async () => {
    const page = await signedIn(url('/'), workspace().office);
    await page.getByTestId(`report-row-${reportId}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on a report as the department writing a section, with a table, a tally and the toolbar', async () => {
    const page = await signedIn(reportUrl(), workspace().noivu);
    await waitForSaveState(page, 'saved');
    await typeInSection(page, SECTION, 'end', ' Đã tổ chức 12 hội nghị.');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="section-${SECTION}"] [data-testid="insert-tally"]`).click();
    await page.locator(`[data-testid="editor-${SECTION}"] [data-testid="tally-row-0"]`).waitFor();
    await typeInSection(page, SECTION, 'end', '');
    await page.locator(`[data-testid="section-${SECTION}"] [data-testid="insert-table"]`).click();
    await page.keyboard.type('Đơn vị');
    await page.locator(`${editorSelector(SECTION)} th`, { hasText: 'Đơn vị' }).waitFor();
    await waitForSaveState(page, 'saved');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on a report as the office, which writes its header and footer', async () => {
    const page = await signedIn(reportUrl(), workspace().office);
    await waitForSaveState(page, 'saved');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on a report as the chairperson, with a comment in the review sidebar', async () => {
    const page = await signedIn(reportUrl(), workspace().chair);
    await waitForEditorText(page, SECTION, 'Đã tổ chức 12 hội nghị.');
    // Select "12 hội nghị" in the (read-only) text, as a drag of the mouse would.
    await page.locator(editorSelector(SECTION)).evaluate((editor, words) => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(words) ?? -1;
        if (at >= 0) {
          document.getSelection()?.setBaseAndExtent(node, at, node, at + words.length);
          return;
        }
      }
    }, '12 hội nghị');
    await page.getByTestId('add-comment').click();
    await page.getByTestId('composer-input').fill('Đề nghị bổ sung danh sách hội nghị.');
    await page.getByTestId('composer-input').press('Enter');
    await page.locator('[data-testid^="thread-"]').filter({ hasText: 'Đề nghị bổ sung' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on the administration page', async () => {
    const page = await signedIn(url('/admin'), workspace().admin);
    await page.getByTestId('departments-panel').waitFor();
    await page.locator('[data-testid^="user-row-"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on the audit log', async () => {
    const page = await signedIn(url('/audit'), workspace().admin);
    await page.getByTestId('audit-range').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on a version and on its comparison with now', async () => {
    const page = await signedIn(url(`/reports/${reportId}/versions/${versionId}`), workspace().office);
    await page.getByTestId('version-title').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('version-tab-diff').click();
    await page.waitForURL((current) => current.pathname.endsWith('/diff'));
    await page.getByTestId('version-diff').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on a path that is no page', async () => {
    const page = await signedIn(url('/'), workspace().office);
    await page.goto(url('/khong-co-trang-nay'));
    await page.getByRole('heading', { name: '404' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
