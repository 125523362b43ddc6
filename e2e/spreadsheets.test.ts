import ExcelJS from 'exceljs';
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

describe('spreadsheets from the registry lists', () => {
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

  it('exports what the filtered list shows', async () => {
    await page.goto('/app/agreements?kind=mou');
    await page.locator('.data-table tbody tr').first().waitFor();
    const total = Number(
      ((await page.locator('[aria-live="polite"]').first().textContent()) ?? '').replace(/\D/g, ''),
    );
    expect(total).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel (.xlsx)' }).click(),
    ]);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Ngày ký');
    const kindAt = header.indexOf('Loại') + 1;
    const kinds: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) kinds.push(row.getCell(kindAt).value);
    });
    expect(kinds).toHaveLength(total);
    expect(new Set(kinds)).toEqual(new Set(['Bản ghi nhớ']));
  });

  it('imports a file after a dry run that names the mistakes, keeping only the valid rows', async () => {
    await page.goto('/app/organisations');
    await page.locator('.data-table tbody tr').first().waitFor();
    await page.getByText('Nhập từ bảng tính').click();
    const csv = [
      'Tên tiếng Việt,Tên tiếng Anh,Loại,Quốc gia',
      'Viện Vệ sinh dịch tễ Tây Nguyên,Tay Nguyen Institute of Hygiene and Epidemiology,Viện,VN',
      'Bệnh viện không loại,,Nhà hàng,VN',
    ].join('\r\n');
    await page.getByLabel('Tệp .xlsx hoặc .csv').setInputFiles({
      name: 'to-chuc.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\r\n`),
    });
    await page.getByRole('button', { name: 'Kiểm tra (chưa ghi)' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toContain('sẽ tạo 1');
    expect(await page.locator('.import-errors li').allTextContents()).toEqual([
      expect.stringMatching(/^Dòng 3, cột Loại: Nhà hàng không phải giá trị được phép/),
    ]);
    await saveScreenshot(page, 'import-dry-run');
    expect(await findSeriousViolations(page)).toEqual([]);
    const confirm = page.getByRole('button', { name: 'Nhập', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Chỉ nhập các dòng hợp lệ').check();
    await confirm.click();
    await page.getByText(/^Đã nhập: tạo 1/).waitFor();
    const found = await page.request.get('/api/v1/organisations?q=tay%20nguyen');
    expect(((await found.json()) as { total: number }).total).toBe(1);
  });
});
