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

// The registry worked by hand: a new agreement from "New", its parties created from inside the
// picker without losing what was typed; a delete refused with the accounts that still use the
// record; and a page with unsaved edits that asks before it is left.

describe('the registry by hand', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const title = 'Bản ghi nhớ hợp tác đào tạo nhân lực y tế (nhập tay)';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function createPartyInPicker(code: string, nameVi: string, nameEn: string) {
    await page.getByRole('button', { name: 'Tạo mới: Các bên ký kết' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Mã').fill(code);
    await dialog.getByLabel('Loại').selectOption('organisation');
    await dialog.getByLabel('Tên tiếng Việt').fill(nameVi);
    await dialog.getByLabel('Tên tiếng Anh').fill(nameEn);
    await dialog.getByRole('button', { name: 'Tạo', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('creates an agreement from "New" with two parties created inside the picker', async () => {
    await page.goto('/app/agreements');
    await page.getByTestId('new-record').click();
    await page.waitForURL(/\/app\/agreements\/new$/);
    const titleField = page.getByLabel('Tên tiếng Việt');
    await titleField.fill(title);

    await createPartyInPicker('E2EONE', 'Quỹ Y tế Thử nghiệm Một', 'Test Health Fund One');
    await createPartyInPicker('E2ETWO', 'Viện Đào tạo Thử nghiệm Hai', 'Test Training Institute Two');
    // The page's form kept what was typed, and both new parties are picked.
    expect(await titleField.inputValue()).toBe(title);
    const chips = page.getByRole('list', { name: /Các bên ký kết/ });
    await chips.getByText('Quỹ Y tế Thử nghiệm Một').waitFor();
    await chips.getByText('Viện Đào tạo Thử nghiệm Hai').waitFor();
    await saveScreenshot(page, 'registry-new-agreement');

    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    await page.waitForURL(/\/app\/agreements\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const saved = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      titleVi: string;
      partyIds: string[];
    };
    expect(saved.titleVi).toBe(title);
    expect(saved.partyIds).toHaveLength(2);
  });

  it('refuses to delete an organisation a unit account belongs to, listing the account', async () => {
    const organisation = await page.request.post('/api/v1/organisations', {
      data: { nameVi: 'Bệnh viện Thử nghiệm Xóa', kind: 'hospital', countryCode: 'VN' },
    });
    expect(organisation.status()).toBe(201);
    const { id } = (await organisation.json()) as { id: string };
    const user = await page.request.post('/api/v1/users', {
      data: {
        email: 'unit-delete@e2e.test',
        password: 'correct horse battery',
        role: 'unit',
        organisationId: id,
      },
    });
    expect(user.status()).toBe(201);

    await page.goto(`/app/organisations/${id}`);
    await page.getByTestId('delete-record').click();
    const dialog = page.getByRole('dialog');
    const uses = dialog.getByTestId('record-uses');
    await uses.waitFor();
    expect(await uses.textContent()).toContain('unit-delete@e2e.test');
    // No plain delete while it is used: only "replace and delete", until a replacement is chosen.
    expect(await dialog.getByRole('button', { name: 'Xóa hẳn' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Thay thế và xóa' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'registry-delete-refused');
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    const refused = await page.request.delete(`/api/v1/organisations/${id}?version=1`);
    expect(refused.status()).toBe(409);
    const body = (await refused.json()) as { uses: { label: string }[] };
    expect(body.uses.map((use) => use.label)).toEqual(['unit-delete@e2e.test']);
  });

  it('asks before leaving a form with unsaved edits', async () => {
    await page.goto('/app/people/new');
    await page.getByLabel('Tên', { exact: true }).fill('Người chưa lưu');
    const prompts: string[] = [];
    page.once('dialog', (prompt) => {
      prompts.push(prompt.message());
      void prompt.dismiss();
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Đối tác' }).click();
    await expect.poll(() => prompts.length).toBe(1);
    // Stayed: the typed name is still there.
    expect(new URL(page.url()).pathname).toBe('/app/people/new');
    expect(await page.getByLabel('Tên', { exact: true }).inputValue()).toBe('Người chưa lưu');

    page.once('dialog', (prompt) => void prompt.accept());
    await page.getByRole('navigation').getByRole('link', { name: 'Đối tác' }).click();
    await page.waitForURL(/\/app\/partners$/);
  });
});
