/**
 * The admin page: the workspace's names, departments and accounts managed in the app. A department and an
 * account created there work at once: the new person logs in and sees their department.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, useBrowser } from '../helpers/browser.js';
import { useSeededWorkspace } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

/** Submits the login form at `/login`, whatever the answer (for credentials that are expected to fail). */
async function tryLogin(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('the admin page', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);

  async function openAdmin(): Promise<Page> {
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/`, 'admin', server().adminPassword);
    await page.getByTestId('admin-link').click();
    await page.getByTestId('admin-page').waitFor();
    await page.getByTestId('users-panel').locator('[data-username="admin"]').waitFor();
    return page;
  }

  it('creates a department and an account for it; the new person can log in', async () => {
    const admin = await openAdmin();

    await admin.getByTestId('department-create-name').fill('Phòng Tư pháp');
    await admin.getByTestId('department-create-submit').click();
    const departmentRow = admin.getByTestId('departments-panel').locator('tr', { has: admin.locator('input[value="Phòng Tư pháp"]') });
    await departmentRow.waitFor();
    const departmentId = (await departmentRow.getAttribute('data-testid'))!.replace('department-row-', '');

    const form = admin.getByTestId('user-create-form');
    await form.getByTestId('user-create-username').fill('tuphap');
    await form.getByTestId('user-create-display-name').fill('Phan Văn Tư');
    await form.getByTestId('user-create-password').fill('mat-khau-tu-phap');
    await form.getByTestId('user-create-role').selectOption('editor');
    await form.getByTestId('user-create-department').selectOption(departmentId);
    await form.getByTestId('user-create-submit').click();
    const userRow = admin.locator('[data-username="tuphap"]');
    await userRow.waitFor();
    expect(await userRow.getByTestId('user-department-select').inputValue()).toBe(departmentId);
    expect(await userRow.getByTestId('user-role-select').inputValue()).toBe('editor');

    const person = await browsers.newPage();
    await loginAs(person, `${server().url}/`, 'tuphap', 'mat-khau-tu-phap');
    expect(await person.getByTestId('current-user-name').innerText()).toBe('Phan Văn Tư');
    expect(await person.getByTestId('current-user-detail').innerText()).toBe('Phòng Tư pháp · Chuyên viên');
    await person.getByTestId('report-list').waitFor();
    expect(await person.getByTestId('admin-link').count()).toBe(0);
  });

  it("shows the server's refusal of a taken username or department name", async () => {
    const admin = await openAdmin();
    const form = admin.getByTestId('user-create-form');
    await form.getByTestId('user-create-username').fill(workspace().noivu.username);
    await form.getByTestId('user-create-display-name').fill('Người trùng tên');
    await form.getByTestId('user-create-password').fill('mat-khau-dai-du');
    await form.getByTestId('user-create-department').selectOption(workspace().departments.vhtt.id);
    await form.getByTestId('user-create-submit').click();
    await form.getByRole('alert').filter({ hasText: 'Tên đăng nhập này đã có người dùng.' }).waitFor();

    await admin.getByTestId('department-create-name').fill('Phòng Nội vụ');
    await admin.getByTestId('department-create-submit').click();
    await admin.getByTestId('department-create-form').getByRole('alert').filter({ hasText: 'Đã có phòng ban mang tên này.' }).waitFor();
  });

  it('renames an account, changes its department, resets its password and disables it', async () => {
    const admin = await openAdmin();
    const row = admin.getByTestId(`user-row-${workspace().vhtt.id}`);
    await row.getByTestId('user-display-name-input').fill('Trần Thị Thủy Tiên');
    await row.getByTestId('user-department-select').selectOption(workspace().departments.noivu.id);
    await row.getByTestId('user-save').click();
    await row.getByTestId('user-save').waitFor({ state: 'detached' });

    await row.getByTestId('user-password-open').click();
    const detail = admin.getByTestId(`user-detail-${workspace().vhtt.id}`);
    await detail.getByTestId('user-password-input').fill('mat-khau-moi-cua-thuy');
    await detail.getByTestId('user-password-submit').click();
    await detail.getByTestId('user-password-done').waitFor();

    const person = await browsers.newPage();
    await loginAs(person, `${server().url}/`, workspace().vhtt.username, 'mat-khau-moi-cua-thuy');
    expect(await person.getByTestId('current-user-name').innerText()).toBe('Trần Thị Thủy Tiên');
    expect(await person.getByTestId('current-user-detail').innerText()).toBe('Phòng Nội vụ · Chuyên viên');

    await row.getByTestId('user-toggle').click();
    await row.getByTestId('user-status').filter({ hasText: 'Đã khóa' }).waitFor();
    const locked = await browsers.newPage();
    await tryLogin(locked, server().url, workspace().vhtt.username, 'mat-khau-moi-cua-thuy');
    await locked.getByTestId('login-error').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    // The disabled person's open page loses its session too: its next call shows the login page.
    await person.reload();
    await person.getByTestId('login-form').waitFor();

    await row.getByTestId('user-toggle').click();
    await row.getByTestId('user-status').filter({ hasText: 'Đang hoạt động' }).waitFor();
  });

  it('renames and disables a department, and keeps the workspace names', async () => {
    const admin = await openAdmin();
    const row = admin.getByTestId(`department-row-${workspace().departments.vhtt.id}`);
    await row.getByTestId('department-name-input').fill('Phòng Văn hóa, Khoa học và Thông tin');
    await row.getByTestId('department-rename').click();
    await row.getByTestId('department-rename').waitFor({ state: 'detached' });
    await row.getByTestId('department-toggle').click();
    await row.getByTestId('department-status').filter({ hasText: 'Đã ngừng' }).waitFor();
    // A disabled department is no longer offered to new accounts.
    const offered = await admin.getByTestId('user-create-department').locator('option').allInnerTexts();
    expect(offered).not.toContain('Phòng Văn hóa, Khoa học và Thông tin');
    await row.getByTestId('department-toggle').click();
    await row.getByTestId('department-status').filter({ hasText: 'Đang hoạt động' }).waitFor();

    const settings = admin.getByTestId('workspace-form');
    await settings.getByTestId('workspace-parent-agency').fill('UBND TỈNH ĐỒNG THÁP');
    await settings.getByTestId('workspace-agency').fill('ỦY BAN NHÂN DÂN XÃ LẤP VÒ');
    await settings.getByTestId('workspace-agency-symbol').fill('ubnd');
    await settings.getByTestId('workspace-place').fill('Lấp Vò');
    await settings.getByTestId('workspace-save').click();
    await settings.getByTestId('workspace-saved').waitFor();

    await admin.reload();
    await admin.getByTestId('workspace-agency').and(admin.locator('[value="ỦY BAN NHÂN DÂN XÃ LẤP VÒ"]')).waitFor();
    expect(await admin.getByTestId('workspace-parent-agency').inputValue()).toBe('UBND TỈNH ĐỒNG THÁP');
    expect(await admin.getByTestId('workspace-place').inputValue()).toBe('Lấp Vò');
    expect(await admin.getByTestId('workspace-agency-symbol').inputValue()).toBe('UBND');
  });

  it('refuses the page to anyone but the admin', async () => {
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/admin`, workspace().office.username, workspace().office.password);
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await page.getByTestId('users-panel').count()).toBe(0);
  });
});
