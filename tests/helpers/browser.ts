/**
 * Chromium for end-to-end tests (playwright-core and the system's /usr/bin/chromium; never
 * `npx playwright install`), and the few page actions the tests share. {@link useBrowser} registers the
 * hooks that close everything it opened.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Where Debian's Chromium lives (SETUP-NOTES.md, "Browser tests"). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, headless Chromium in containers and CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a single wait in a page may take before the test fails (a deadline, not a sleep). */
export const WAIT_MS = 20_000;

/** Starts Chromium. The caller closes it; {@link useBrowser} does so for tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The browser of a test file: each `newPage` is a fresh context (its own storage: another person). */
export interface BrowserHandle {
  /** A page in a new browser context, closed after the current test. */
  newPage(): Promise<Page>;
  /** The browser itself, once `beforeAll` has run. */
  browser(): Browser;
}

/**
 * Launches one Chromium for the enclosing `describe` (or file), closes each test's contexts after it and
 * the browser after all. Call at collection time, like `beforeAll`.
 */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();

  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);

  afterEach(async () => {
    const open = [...contexts];
    contexts.clear();
    await Promise.all(open.map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  const current = (): Browser => {
    if (browser === undefined) throw new Error('useBrowser: the browser is not launched (use it inside a test)');
    return browser;
  };

  return {
    browser: current,
    async newPage() {
      const context = await current().newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
      contexts.add(context);
      context.setDefaultTimeout(WAIT_MS);
      return context.newPage();
    },
  };
}

/**
 * Opens `url` in `page` without a session, which shows the login page, and logs in as a person would.
 * Resolves once the app has returned to `url`'s page and shows the signed-in person in its header.
 */
export async function loginAs(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  const form = page.getByTestId('login-form');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await form.waitFor({ state: 'detached' });
  const target = new URL(url);
  await page.waitForURL((current) => current.pathname === target.pathname);
  await page.getByTestId('current-user').waitFor();
}

/** The `editor-<sectionId>` wrapper's selector. */
export function editorSelector(sectionId: string): string {
  return `[data-testid="editor-${sectionId}"] .ProseMirror`;
}

/**
 * The text of a section's editor without other people's caret labels (they sit inside `.ProseMirror`
 * and hold names).
 */
export function editorText(page: Page, sectionId: string): Promise<string> {
  return page.evaluate((selector) => {
    const editor = document.querySelector(selector);
    if (editor === null) return '';
    const copy = editor.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  }, editorSelector(sectionId));
}

/** Waits until a section's editor (carets stripped) contains `text`. */
export async function waitForEditorText(page: Page, sectionId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, expected }) => {
      const editor = document.querySelector(selector);
      if (editor === null) return false;
      const copy = editor.cloneNode(true) as Element;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return (copy.textContent ?? '').includes(expected);
    },
    { selector: editorSelector(sectionId), expected: text },
    { timeout: WAIT_MS },
  );
}

/**
 * Waits until a section's editor is (or is not) editable — the browser's own `contenteditable`, which
 * decides whether typing can change anything.
 */
export async function waitForEditable(page: Page, sectionId: string, editable: boolean): Promise<void> {
  await page.locator(`${editorSelector(sectionId)}[contenteditable="${editable}"]`).waitFor({ timeout: WAIT_MS });
}

/**
 * Clicks into a section's editor and types there as a person would, whether or not it accepts typing
 * (unlike {@link typeInSection}, which expects an editable one).
 */
export async function tryToType(page: Page, sectionId: string, text: string): Promise<void> {
  await page.locator(editorSelector(sectionId)).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Waits until the status bar shows `state` (`saved`, `saving`, `reconnecting` or `offline`). */
export async function waitForSaveState(page: Page, state: 'saved' | 'saving' | 'reconnecting' | 'offline'): Promise<void> {
  await page.locator(`[data-testid="save-state"][data-state="${state}"]`).waitFor({ timeout: WAIT_MS });
}

/**
 * Puts the caret at the very start or end of a section's editor (Ctrl+Home / Ctrl+End after focusing
 * it) and types `text` there.
 */
export async function typeInSection(page: Page, sectionId: string, where: 'start' | 'end', text: string): Promise<void> {
  const editor = page.locator(editorSelector(sectionId));
  await editor.click();
  await editor.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await page.keyboard.type(text);
}

/** How many times `needle` occurs in `haystack` (not overlapping). */
export function occurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  return haystack.split(needle).length - 1;
}

/** `[data-testid="…"]`, optionally inside a section's editor wrapper (`editor-<sectionId>`). */
export function byTestId(testId: string, sectionId?: string): string {
  const own = `[data-testid="${testId}"]`;
  return sectionId === undefined ? own : `[data-testid="editor-${sectionId}"] ${own}`;
}

/** Waits until the input, textarea or select matched by `selector` holds `value`. */
export async function waitForValue(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForFunction(
    ({ selector: target, expected }) => (document.querySelector(target) as HTMLInputElement | null)?.value === expected,
    { selector, expected: value },
    { timeout: WAIT_MS },
  );
}

/** Waits until the element matched by `selector` has exactly the text `text` (its `textContent`, trimmed). */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector: target, expected }) => (document.querySelector(target)?.textContent ?? '').trim() === expected,
    { selector, expected: text },
    { timeout: WAIT_MS },
  );
}

/**
 * Pastes `text` into the focused element as the clipboard would hand it over: a `paste` event carrying
 * `text/plain`, dispatched on `selector` (a field, or a section's editor). The page decides what goes in.
 */
export async function pasteText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Holds back what the server sends to a page over the sockets of matching rooms, until released. */
export interface HeldRoom {
  /** From now on, messages from the server wait. */
  hold(): void;
  /** Delivers the held messages in order and lets the next ones through. */
  release(): void;
}

/**
 * Routes the page's sockets whose URL matches `pattern` through the test, so that what the server sends
 * can be held back: the page then makes its edits without seeing anyone else's, as two people typing at
 * the same moment do. Call before the page opens the room.
 */
export async function holdableRoom(page: Page, pattern: RegExp): Promise<HeldRoom> {
  let holding = false;
  const held: Array<() => void> = [];
  await page.routeWebSocket(pattern, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      const deliver = () => socket.send(message);
      if (holding) held.push(deliver);
      else deliver();
    });
  });
  return {
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const deliver of held.splice(0)) deliver();
    },
  };
}
