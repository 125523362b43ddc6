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

describe("a record's history", () => {
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

  it('shows an edit of the title as before and after, and restores the older title as a new edit', async () => {
    const created = await page.request.post('/api/v1/agreements', {
      data: { kind: 'mou', titleVi: 'Bản ghi nhớ về y tế số', status: 'proposed' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/app/agreements/${id}`);
    await page.getByTestId('edit-record').click();
    await page.getByLabel('Tên tiếng Việt').fill('Bản ghi nhớ về chuyển đổi số y tế');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bản ghi nhớ về chuyển đổi số y tế' }).waitFor();

    await page.getByTestId('tab-history').click();
    const entries = page.getByTestId('history-entry');
    await entries.nth(1).waitFor();
    expect(await entries.count()).toBe(2);
    const edit = entries.first().getByTestId('change-titleVi');
    expect(await edit.locator('th').textContent()).toBe('Tên tiếng Việt');
    expect(await edit.locator('.diff-before').textContent()).toBe('Bản ghi nhớ về y tế số');
    expect(await edit.locator('.diff-after').textContent()).toBe('Bản ghi nhớ về chuyển đổi số y tế');
    await saveScreenshot(page, 'agreement-history');

    await entries.nth(1).getByTestId('restore-version').click();
    await page.getByRole('heading', { level: 1, name: 'Bản ghi nhớ về y tế số' }).waitFor();
    await entries.nth(2).waitFor();
    expect(await entries.count()).toBe(3);
    const restored = entries.first().getByTestId('change-titleVi');
    expect(await restored.locator('.diff-before').textContent()).toBe('Bản ghi nhớ về chuyển đổi số y tế');
    expect(await restored.locator('.diff-after').textContent()).toBe('Bản ghi nhớ về y tế số');
  });

  it('says clearly when someone changed the record before a restore', async () => {
    const created = await page.request.post('/api/v1/agreements', {
      data: { kind: 'mou', titleVi: 'Kế hoạch hợp tác', status: 'proposed' },
    });
    const { id, version } = (await created.json()) as { id: string; version: number };
    await page.request.patch(`/api/v1/agreements/${id}`, { data: { version, titleVi: 'Kế hoạch 2026' } });
    await page.goto(`/app/agreements/${id}`);
    await page.getByTestId('tab-history').click();
    await page.getByTestId('history-entry').nth(1).waitFor();
    await page.request.patch(`/api/v1/agreements/${id}`, {
      data: { version: version + 1, renewalNote: 'Một đồng nghiệp vừa sửa' },
    });
    await page.getByTestId('history-entry').nth(1).getByTestId('restore-version').click();
    const error = page.getByTestId('restore-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('người khác sửa');
  });
});
