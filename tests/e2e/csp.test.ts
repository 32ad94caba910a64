/**
 * The real client works under the Content-Security-Policy the server sends (issue 8, item 9): the report
 * page loads, two people type in one section and see each other's text and caret, and the page reports no
 * CSP violation — neither a `securitypolicyviolation` event nor a "Content Security Policy" console
 * message. Last, a script injected inline is refused, which shows the policy is in force and the watch
 * sees violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assignSection, createReport } from '../helpers/api.js';
import { loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState, WAIT_MS } from '../helpers/browser.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
}

/** Records the page's CSP violations from before its first script runs, and its CSP console messages. */
async function watchViolations(page: Page): Promise<{ console: string[]; events: () => Promise<Violation[]> }> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber, column: event.columnNumber });
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) console.push(message.text());
  });
  return {
    console,
    events: () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations),
  };
}

describe('the client under the Content-Security-Policy', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  it('loads the report page and lets two people type, with carets, without a single violation', async () => {
    const report = await createReport(server().url, { title: 'Báo cáo kiểm tra CSP' }, officeCookie());
    const sectionId = 'tham-muu';
    await assignSection(server().url, officeCookie(), report.id, sectionId, workspace().departments.noivu.id);
    const url = `${server().url}/reports/${report.id}`;

    const office = await browsers.newPage();
    const noivu = await browsers.newPage();
    const watches = await Promise.all([watchViolations(office), watchViolations(noivu)]);
    const policy = (await office.request.get(url)).headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self'");

    await Promise.all([
      loginAs(office, url, workspace().office.username, workspace().office.password),
      loginAs(noivu, url, workspace().noivu.username, workspace().noivu.password),
    ]);
    await Promise.all([waitForSaveState(office, 'saved'), waitForSaveState(noivu, 'saved')]);
    const officeText = 'Văn phòng tổng hợp số liệu quý II. ';
    const noivuText = 'Phòng Nội vụ đã tham mưu kế hoạch số 12.';
    await Promise.all([typeInSection(office, sectionId, 'start', officeText), typeInSection(noivu, sectionId, 'end', noivuText)]);
    for (const page of [office, noivu]) {
      await waitForEditorText(page, sectionId, officeText);
      await waitForEditorText(page, sectionId, noivuText);
      // The other person's caret: drawn with an inline style (its colour).
      await page.locator(`[data-testid="editor-${sectionId}"] .collaboration-carets__caret`).first().waitFor({ timeout: WAIT_MS });
    }
    await Promise.all([waitForSaveState(office, 'saved'), waitForSaveState(noivu, 'saved')]);

    for (const watch of watches) {
      expect(await watch.events()).toEqual([]);
      expect(watch.console).toEqual([]);
    }

    // The policy is in force, and the watch would have seen a violation: an inline script is refused.
    const ran = await office.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true;';
      document.body.append(script);
      return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
    });
    expect(ran).toBe(false);
    await office.waitForFunction(
      () => (window as unknown as { cspViolations: Violation[] }).cspViolations.some((violation) => violation.blocked === 'inline'),
      null,
      { timeout: WAIT_MS },
    );
    expect((await watches[0]!.events()).map((violation) => violation.directive)).toEqual(['script-src-elem']);
  });
});
