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

const unitEmail = 'unit.officer@example.org';
const ownPassword = 'my own long password';

describe('accounts in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    adminContext = await newContext(browser, server.baseUrl);
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    admin = await adminContext.newPage();
    await signIn(admin, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Reads the one-time password from its dialog, checks the copy button, and closes it. */
  async function readOneTimePassword(): Promise<string> {
    const dialog = admin.getByRole('dialog', { name: 'Mật khẩu dùng một lần' });
    const password = (await dialog.getByTestId('one-time-password').textContent()) ?? '';
    expect(password).toMatch(/^\S{20}$/);
    await dialog.getByRole('button', { name: 'Sao chép mật khẩu' }).click();
    await dialog.getByText('Đã sao chép.').waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });
    return password;
  }

  async function manage(email: string) {
    await admin.getByRole('button', { name: `Quản lý tài khoản ${email}` }).click();
    return admin.getByRole('dialog', { name: `Tài khoản ${email}` });
  }

  it('creates a unit account whose one-time password signs in and is changed on the profile', async () => {
    await admin.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
    await admin.getByRole('cell', { name: adminEmail, exact: true }).waitFor();
    expect(await findSeriousViolations(admin)).toEqual([]);

    const form = admin.getByRole('form', { name: 'Tạo tài khoản' });
    await form.getByLabel('Email').fill(unitEmail);
    await form.getByLabel('Họ tên').fill('Cán bộ đơn vị');
    // A unit account without its unit is refused next to the unit field.
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.getByText('Tài khoản đơn vị phải thuộc một tổ chức.').waitFor();
    await form.getByRole('combobox', { name: 'Đơn vị' }).fill('hop tac quoc te');
    await admin.getByRole('option', { name: /Vụ Hợp tác quốc tế/ }).click();
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await admin.getByRole('dialog', { name: 'Mật khẩu dùng một lần' }).waitFor();
    await saveScreenshot(admin, 'accounts-one-time-password');
    expect(await findSeriousViolations(admin)).toEqual([]);
    const oneTime = await readOneTimePassword();

    const row = admin.getByRole('row', { name: new RegExp(unitEmail) });
    await row.getByText('Vụ Hợp tác quốc tế').waitFor();
    await row.getByText('Đơn vị', { exact: true }).waitFor();

    const person = await newContext(browser, server.baseUrl);
    const page = await person.newPage();
    await signIn(page, unitEmail, oneTime);
    await page.goto('/app/profile');
    await page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(oneTime);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(ownPassword);
    await page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(ownPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu', exact: true }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.waitForURL(/\/app\/sign-in/);
    const old = await person.request.post('/api/v1/auth/login', {
      data: { email: unitEmail, password: oneTime },
    });
    expect(old.status()).toBe(401);
    await signIn(page, unitEmail, ownPassword);
    // The unit user is no admin: no accounts link, and the page says so.
    expect(await page.getByRole('link', { name: 'Tài khoản', exact: true }).count()).toBe(0);
    await page.goto('/app/users');
    await page.getByText('Chỉ quản trị viên quản lý tài khoản.').waitFor();

    // The admin now sees when the person last signed in.
    await admin.reload();
    const lastSignIn = admin
      .getByRole('row', { name: new RegExp(unitEmail) })
      .getByRole('cell')
      .nth(5);
    expect(await lastSignIn.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await person.close();
  });

  it('disables, enables and resets the password of an account', async () => {
    let dialog = await manage(unitEmail);
    await dialog.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await dialog.getByText(/Đã khóa tài khoản/).waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    const row = admin.getByRole('row', { name: new RegExp(unitEmail) });
    await row.getByText('Đã khóa').waitFor();
    const refused = await adminContext.request.post('/api/v1/auth/login', {
      data: { email: unitEmail, password: ownPassword },
    });
    expect(refused.status()).toBe(401);

    dialog = await manage(unitEmail);
    await dialog.getByRole('button', { name: 'Mở khóa tài khoản' }).click();
    await dialog.getByText('Đã mở khóa tài khoản.').waitFor();
    await dialog.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const reset = await readOneTimePassword();
    const person = await newContext(browser, server.baseUrl);
    await signIn(await person.newPage(), unitEmail, reset);
    await person.close();

    dialog = await manage(unitEmail);
    await dialog.getByRole('button', { name: 'Xóa tài khoản' }).click();
    await dialog.getByRole('button', { name: `Xác nhận xóa ${unitEmail}` }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('row', { name: new RegExp(unitEmail) }).waitFor({ state: 'detached' });
  });

  it('refuses to demote or disable the last active admin, saying why', async () => {
    const dialog = await manage(adminEmail);
    await dialog.getByLabel('Vai trò').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Lưu vai trò và đơn vị' }).click();
    await dialog.getByText(/quản trị viên đang hoạt động cuối cùng/).waitFor();
    await dialog.getByRole('button', { name: 'Xóa tài khoản' }).click();
    await dialog.getByRole('button', { name: `Xác nhận xóa ${adminEmail}` }).click();
    await dialog.getByText(/quản trị viên đang hoạt động cuối cùng/).waitFor();
    await saveScreenshot(admin, 'accounts-last-admin');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await admin
      .getByRole('row', { name: new RegExp(adminEmail) })
      .getByText('Quản trị')
      .waitFor();
  });
});
