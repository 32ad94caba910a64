/** Page reads for the drafting aids of issue 12: guidance placeholders, the outline and the find bar. */
import type { Page } from 'playwright-core';
import { editorSelector, WAIT_MS } from './browser.js';

/** The guidance a section's editor draws as placeholders, in order (the `data-placeholder` of its empty paragraphs). */
export function placeholders(page: Page, sectionId: string): Promise<string[]> {
  return page.evaluate(
    (selector) => [...document.querySelectorAll(`${selector} p.guidance-placeholder`)].map((paragraph) => paragraph.getAttribute('data-placeholder') ?? ''),
    editorSelector(sectionId),
  );
}

/** Waits until a section's editor draws exactly `expected` as placeholders. */
export async function waitForPlaceholders(page: Page, sectionId: string, expected: readonly string[]): Promise<void> {
  await page.waitForFunction(
    ({ selector, lines }) => {
      const shown = [...document.querySelectorAll(`${selector} p.guidance-placeholder`)].map((paragraph) => paragraph.getAttribute('data-placeholder'));
      return shown.length === lines.length && shown.every((line, index) => line === lines[index]);
    },
    { selector: editorSelector(sectionId), lines: [...expected] },
    { timeout: WAIT_MS },
  );
}
