import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  findSeriousViolations,
  launchBrowser,
  newContext,
  type RunningServer,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

const editorEmail = 'officer@example.org';
const firstPassword = 'first-long-password';
const newPassword = 'second-long-password';

describe('changing one’s own password', () => {
  let server: RunningServer;
  let browser: Browser;
  let here: BrowserContext;
  let elsewhere: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const admin = await newContext(browser, server.baseUrl);
    await signIn(await admin.newPage(), adminEmail, adminPassword);
    const created = await admin.request.post('/api/v1/users', {
      data: { email: editorEmail, password: firstPassword, role: 'editor' },
    });
    expect(created.status()).toBe(201);
    await admin.close();
    here = await newContext(browser, server.baseUrl);
    elsewhere = await newContext(browser, server.baseUrl);
    page = await here.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes the password on the profile page, ends the other session, and signs in with the new one', async () => {
    await signIn(await elsewhere.newPage(), editorEmail, firstPassword);
    await signIn(page, editorEmail, firstPassword);
    await page.getByRole('link', { name: new RegExp(editorEmail) }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);

    const current = page.getByLabel('Mật khẩu hiện tại', { exact: true });
    const fresh = page.getByLabel('Mật khẩu mới', { exact: true });
    const repeated = page.getByLabel('Nhập lại mật khẩu mới', { exact: true });
    const save = page.getByRole('button', { name: 'Đổi mật khẩu', exact: true });

    await current.fill('not-my-password');
    await fresh.fill(newPassword);
    await repeated.fill(newPassword);
    await save.click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();

    await current.fill(firstPassword);
    await fresh.fill('password1');
    await repeated.fill('password1');
    await save.click();
    await page.getByText('Mật khẩu này quá phổ biến').waitFor();

    await fresh.fill(newPassword);
    await repeated.fill(newPassword);
    await save.click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();
    await saveScreenshot(page, 'profile-password-changed');

    // The secret calendar address: shown once, subscribable without a session, revocable.
    await page.getByRole('button', { name: 'Tạo địa chỉ lịch' }).click();
    const address = (await page.locator('section[aria-labelledby="calendar-feed"] code').textContent()) ?? '';
    expect(address).toMatch(/\/calendar\/private\/[A-Za-z0-9_-]+\.ics$/);
    const calendar = await fetch(address);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    await page.getByRole('button', { name: 'Thu hồi địa chỉ lịch' }).click();
    await page.getByRole('button', { name: 'Tạo địa chỉ lịch' }).waitFor();
    expect((await fetch(address)).status).toBe(404);

    expect((await elsewhere.request.get('/api/v1/me')).status()).toBe(401);
    expect((await here.request.get('/api/v1/me')).status()).toBe(200);

    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.waitForURL(/\/app\/sign-in/);
    const refused = await here.request.post('/api/v1/auth/login', {
      data: { email: editorEmail, password: firstPassword },
    });
    expect(refused.status()).toBe(401);
    await signIn(page, editorEmail, newPassword);
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
  });
});
