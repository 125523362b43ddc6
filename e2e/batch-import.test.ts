import { strToU8, zipSync } from 'fflate';
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

const article = (n: number) =>
  `Bộ Y tế tiếp đoàn KOICA về đào tạo điều dưỡng (lô ${n})\n\nNgày ${n}/5/2025, tại Hà Nội, Thứ trưởng Bộ Y tế tiếp đoàn KOICA, bài nhập hàng loạt số ${n}.\n`;

describe('an officer imports a batch of articles from the inbox', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await (await newContext(browser, server.baseUrl)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads files and a .zip, watches the progress, then finds the drafts oldest first', async () => {
    await page.goto('/app');
    await page.waitForURL(/\/app\/sign-in/);
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('heading', { name: 'Nhập hàng loạt' }).waitFor();
    const zip = zipSync({ 'lo/3.txt': strToU8(article(3)), 'lo/ban-sao.txt': strToU8(article(1)) });
    await page.getByLabel('Tệp hoặc .zip').setInputFiles([
      { name: '1.txt', mimeType: 'text/plain', buffer: Buffer.from(article(1)) },
      { name: '2.txt', mimeType: 'text/plain', buffer: Buffer.from(article(2)) },
      { name: 'lo.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) },
    ]);
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.getByText('Đã nhập xong.').waitFor({ timeout: 60_000 });
    expect(await page.getByText('Đã xử lý 4/4: nhập 3, trùng 1, lỗi 0').count()).toBe(1);
    await saveScreenshot(page, 'batch-import');
    expect(await findSeriousViolations(page)).toEqual([]);

    await page.getByLabel('Lọc theo chữ').fill('lô');
    const waiting = page.locator('section[aria-labelledby="waiting-title"] li strong');
    await expect.poll(() => waiting.allTextContents()).toHaveLength(3);
    const titles = await waiting.allTextContents();
    expect(titles.every((title) => title.includes('(lô'))).toBe(true);
  }, 120_000);
});
