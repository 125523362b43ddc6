import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  launchBrowser,
  newContext,
  type RunningServer,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

// Areas worked by hand: a new area from "New area" under a parent, seen indented in the list and
// found by its search; edited and deleted from its page; and one created from an agreement's
// area picker without losing the form.

interface Area {
  id: string;
  labelVi: string;
  labelEn: string;
  parentId: string | null;
  version: number;
}

describe('areas by hand', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const readArea = async (id: string) => {
    const response = await page.request.get(`/api/v1/areas/${id}`);
    return { status: response.status(), area: response.ok() ? ((await response.json()) as Area) : null };
  };

  it('creates an area from /app/areas/new and shows it under its parent in the list', async () => {
    await page.goto('/app/areas');
    await page
      .getByRole('navigation', { name: /Điều hướng/ })
      .getByRole('link', { name: 'Lĩnh vực' })
      .waitFor();
    await page.getByRole('link', { name: 'Thêm lĩnh vực' }).click();
    await page.waitForURL(/\/app\/areas\/new$/);
    await page.getByLabel('Mã', { exact: true }).fill('e2e_telehealth');
    await page.getByLabel('Tên (tiếng Việt)').fill('Y tế từ xa thử nghiệm');
    await page.getByLabel('Tên (tiếng Anh)').fill('Test telehealth');
    await page.getByLabel('Lĩnh vực cha').selectOption('research');
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    await page.waitForURL(/\/app\/areas\/e2e_telehealth$/);
    await page.getByRole('heading', { level: 1, name: 'Y tế từ xa thử nghiệm' }).waitFor();
    expect((await readArea('e2e_telehealth')).area).toMatchObject({
      labelVi: 'Y tế từ xa thử nghiệm',
      labelEn: 'Test telehealth',
      parentId: 'research',
    });

    await page.goto('/app/areas');
    const rows = page.getByTestId('area-row');
    await rows.filter({ hasText: 'e2e_telehealth' }).waitFor();
    const all = await rows.allTextContents();
    const parentAt = all.findIndex((text) => text.includes('· research'));
    const childAt = all.findIndex((text) => text.includes('e2e_telehealth'));
    expect(parentAt).toBeGreaterThanOrEqual(0);
    expect(childAt).toBeGreaterThan(parentAt);
    const indent = (text: string) =>
      rows
        .filter({ hasText: text })
        .first()
        .evaluate((element) => getComputedStyle(element).paddingInlineStart);
    expect(Number.parseFloat(await indent('e2e_telehealth'))).toBeGreaterThan(
      Number.parseFloat(await indent('· research')),
    );

    await page.getByRole('searchbox', { name: /Tìm lĩnh vực/ }).fill('telehealth');
    // The match and its parent stay; other areas go.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-row"]').length === 2);
    await saveScreenshot(page, 'areas-list');
  });

  it('edits and deletes an area from its page', async () => {
    await page.goto('/app/areas/e2e_telehealth');
    await page.getByTestId('edit-record').click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('Tên (tiếng Anh)').fill('Test telemedicine');
    await page.getByLabel('Lĩnh vực cha').selectOption('');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(/\/app\/areas\/e2e_telehealth$/, { timeout: 5000 }).catch(async (error) => {
      throw new Error(`${error}: ${await page.locator('main').textContent()}`);
    });
    expect((await readArea('e2e_telehealth')).area).toMatchObject({
      labelEn: 'Test telemedicine',
      parentId: null,
    });

    await page.getByTestId('delete-record').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Xóa hẳn' }).click();
    await page.waitForURL(/\/app\/areas$/);
    expect((await readArea('e2e_telehealth')).status).toBe(404);
  });

  it('lists what still files records under an area before deleting it', async () => {
    await page.goto('/app/areas/research');
    await page.getByTestId('delete-record').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('record-uses').waitFor();
    expect(await dialog.getByTestId('record-use').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('button', { name: 'Xóa hẳn' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect((await readArea('research')).status).toBe(200);
  });

  it('creates an area from inside an agreement’s area picker and keeps the form', async () => {
    await page.goto('/app/agreements/new');
    const title = page.getByLabel('Tên tiếng Việt');
    await title.fill('Thỏa thuận thử lĩnh vực mới');
    await page.getByRole('button', { name: 'Tạo mới: Lĩnh vực', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã', { exact: true }).fill('e2e_genomics');
    await dialog.getByLabel('Tên (tiếng Việt)').fill('Hệ gen thử nghiệm');
    await dialog.getByLabel('Tên (tiếng Anh)').fill('Test genomics');
    await dialog.getByRole('button', { name: 'Tạo', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await title.inputValue()).toBe('Thỏa thuận thử lĩnh vực mới');
    await page
      .getByRole('list', { name: /Lĩnh vực/ })
      .getByText('Hệ gen thử nghiệm')
      .waitFor();
    expect((await readArea('e2e_genomics')).status).toBe(200);
  });
});
