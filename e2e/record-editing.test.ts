import type { Browser, Page } from 'playwright-core';
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

describe('editing a record', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let agreementPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists agreements with filters, sorting and paging', async () => {
    await page.goto('/app/agreements');
    await page.locator('.data-table tbody tr').first().waitFor();
    await page.getByRole('button', { name: /Ngày ký/ }).click();
    await page.waitForURL(/sort=signedOn/);
    await page.locator('.data-table tbody tr').first().waitFor();
    await saveScreenshot(page, 'agreements');
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.locator('.data-table tbody tr a').first().click();
    await page.waitForURL(/\/app\/agreements\/[\w-]+$/);
    agreementPath = new URL(page.url()).pathname;
  });

  it('shows the server’s validation message next to the field', async () => {
    await page.getByTestId('edit-record').click();
    await page.getByLabel('Tên tiếng Việt').fill('');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const field = page.locator('.field-invalid', { has: page.getByLabel('Tên tiếng Việt') });
    await field.locator('.field-error').waitFor();
    await saveScreenshot(page, 'agreement-validation');
  });

  it('explains a conflicting edit and keeps what the user typed', async () => {
    const id = agreementPath.split('/').at(-1);
    const current = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      version: number;
    };
    const concurrent = await page.request.patch(`/api/v1/agreements/${id}`, {
      data: { version: current.version, renewalNote: 'Changed by a colleague' },
    });
    expect(concurrent.status()).toBe(200);

    const typed = 'Bản ghi nhớ hợp tác y tế (đã sửa)';
    await page.getByLabel('Tên tiếng Việt').fill(typed);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByLabel('Tên tiếng Việt').inputValue()).toBe(typed);
    await saveScreenshot(page, 'agreement-conflict');

    await page.getByRole('button', { name: /Tải phiên bản mới nhất/ }).click();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: typed }).waitFor();
    const saved = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      renewalNote: string;
    };
    expect(saved.renewalNote).toBe('Changed by a colleague');
  });
});
