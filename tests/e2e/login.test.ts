/**
 * Signing in and out: a clear message for a wrong password and for too many attempts, the reports list
 * after a good one, the page the person was going to kept across the login, and the login page again after
 * logging out or when the session is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../../server/auth/loginThrottle.js';
import { defaultConfig } from '../../server/config.js';
import { createReport, login } from '../helpers/api.js';
import { byTestId, loginAs, useBrowser, waitForSaveState, waitForValue } from '../helpers/browser.js';
import { useSeededWorkspace } from '../helpers/seededWorkspace.js';
import { ADMIN_PASSWORD, startServer, useServer, type TestServer } from '../helpers/startServer.js';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

describe('logging in', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);

  it('says so when the password is wrong, then lands on the reports with the right one; logout returns to login', async () => {
    const page = await browsers.newPage();
    await page.goto(`${server().url}/`);
    await page.waitForURL((url) => url.pathname === '/login');

    await page.getByTestId('login-username').fill(workspace().noivu.username);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-error').innerText()).toBe(WRONG);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByTestId('login-password').fill(workspace().noivu.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('report-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('current-user-name').innerText()).toBe('Lê Văn Nam');
    expect(await page.getByTestId('current-user-detail').innerText()).toBe('Phòng Nội vụ · Chuyên viên');

    // The session survives a reload.
    await page.reload();
    await page.getByTestId('report-list').waitFor();

    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // The server ended the session: a reload does not sign back in.
    await page.reload();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
  });

  it('returns to the page the person was going to', async () => {
    const officeCookie = await login(server().url, workspace().office.username, workspace().office.password);
    const report = await createReport(server().url, { title: 'Báo cáo mở từ đường dẫn' }, officeCookie);
    const page = await browsers.newPage();
    await page.goto(`${server().url}/reports/${report.id}`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === `/reports/${report.id}`);

    await page.getByTestId('login-username').fill(workspace().chair.username);
    await page.getByTestId('login-password').fill(workspace().chair.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === `/reports/${report.id}`);
    await waitForValue(page, byTestId('frame-subject'), 'Báo cáo mở từ đường dẫn');
    expect(await page.getByTestId('current-user-detail').innerText()).toBe('Chủ tịch');
  });

  it('shows the login page, keeping the current page, when the session is gone', async () => {
    const officeCookie = await login(server().url, workspace().office.username, workspace().office.password);
    const report = await createReport(server().url, { title: 'Phiên hết hạn' }, officeCookie);
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/`, workspace().office.username, workspace().office.password);
    await page.getByTestId(`report-row-${report.id}`).waitFor();

    // As if the session had expired: the server no longer knows this browser.
    await page.context().clearCookies();
    await page.getByTestId(`report-row-${report.id}`).getByRole('link').click();
    await page.getByTestId('login-form').waitFor();
    const at = new URL(page.url());
    expect(at.pathname).toBe('/login');
    expect(at.searchParams.get('next')).toBe(`/reports/${report.id}`);

    await page.getByTestId('login-username').fill(workspace().office.username);
    await page.getByTestId('login-password').fill(workspace().office.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === `/reports/${report.id}`);
    await waitForSaveState(page, 'saved');
  });
});

describe('too many failed logins', { timeout: 60_000 }, () => {
  const browsers = useBrowser();
  let server: TestServer;

  beforeAll(async () => {
    // Refused after two failures, without the slowing down in between (it would only make the test slower).
    const throttle = { ...DEFAULT_THROTTLE, freeFailures: 10, accountLimit: 2, windowMs: 120_000 };
    server = await startServer({ config: { auth: { ...defaultConfig().auth, adminPassword: ADMIN_PASSWORD, throttle } } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('says how long to wait once the server refuses further attempts', async () => {
    const page = await browsers.newPage();
    await page.goto(`${server.url}/login`);
    const attempt = async (password: string) => {
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-submit').and(page.locator(':enabled')).waitFor();
      return page.getByTestId('login-error').innerText();
    };
    expect(await attempt('sai-lan-mot')).toBe(WRONG);
    expect(await attempt('sai-lan-hai')).toBe(WRONG);
    // Refused now, even with the right password.
    const refused = await attempt(server.adminPassword);
    expect(refused).toMatch(/^Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau (\d+) giây\.$/);
    const seconds = Number(/(\d+) giây/.exec(refused)?.[1]);
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(120);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
