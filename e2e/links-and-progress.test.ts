import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  findSeriousViolations,
  isTopmost,
  launchBrowser,
  newContext,
  type RunningServer,
  readArticle,
  refuseNextSave,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

const unitEmail = 'unit-icd@localhost';
const unitPassword = 'unit-e2e-password';

interface Listed {
  items: Array<{ id: string; version: number }>;
}

// One server for the file: an officer uploads, edits links by keyboard; a unit posts progress.
describe('uploading, editing links and posting progress', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let ownedCommitmentId = '';
  let otherCommitmentId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await newContext(browser, server.baseUrl);
    page = await admin.newPage();
    await signIn(page, adminEmail, adminPassword);

    // The demo commitments are owned by "Vụ Hợp tác quốc tế"; the unit user belongs to it.
    const organisations = (await (
      await page.request.get('/api/v1/organisations?q=Vụ Hợp tác quốc tế')
    ).json()) as Listed;
    const icdId = organisations.items[0]?.id ?? '';
    const created = await page.request.post('/api/v1/users', {
      data: { email: unitEmail, password: unitPassword, role: 'unit', organisationId: icdId },
    });
    expect(created.status()).toBe(201);
    const owned = (await (
      await page.request.get(`/api/v1/commitments?ownerId=${icdId}&pageSize=1`)
    ).json()) as Listed;
    ownedCommitmentId = owned.items[0]?.id ?? '';
    const other = await page.request.post('/api/v1/commitments', {
      data: { text: 'Cam kết không thuộc đơn vị nào', status: 'agreed', dueOn: '2020-01-01' },
    });
    expect(other.status()).toBe(201);
    otherCommitmentId = ((await other.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads an uploaded .txt file and opens its review', async () => {
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
    await page.getByLabel(/Hoặc tải lên tệp/).setInputFiles({
      name: 'belarus.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(readArticle('seed-000-belarus-mou.txt'), 'utf8'),
    });
    await page.getByRole('button', { name: 'Đọc và lập bản nháp' }).click();
    await page.waitForURL(/\/app\/review\//);
    await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
    await page.locator('.source-text mark').first().waitFor();
    expect(await page.locator('.source-text').textContent()).toContain('Belarus');
  });

  it('edits an agreement’s parties and areas with the keyboard only', async () => {
    const agreements = (await (await page.request.get('/api/v1/agreements?q=Belarus')).json()) as Listed;
    const id = agreements.items[0]?.id ?? '';
    await page.goto(`/app/agreements/${id}`);
    await page.getByTestId('edit-record').focus();
    await page.keyboard.press('Enter');

    const parties = page.getByRole('combobox', { name: 'Các bên ký kết' });
    await parties.focus();
    await page.keyboard.type('nga');
    await page.getByRole('option', { name: /Nga/ }).waitFor();
    await page.keyboard.press('Enter');
    const partyChips = page.getByRole('list', { name: /Các bên ký kết/ });
    await partyChips.getByText(/Nga/).waitFor();

    const areas = page.getByRole('combobox', { name: 'Lĩnh vực', exact: true });
    await areas.focus();
    await page.keyboard.type('ung thu');
    await page.getByRole('option', { name: 'Ung thư' }).waitFor();
    await saveScreenshot(page, 'agreement-links');
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: /Lĩnh vực/ })
      .getByText('Ung thư')
      .waitFor();
    // Backspace in the empty box drops the last choice; typing reopens the list to re-add it.
    await page.keyboard.press('Backspace');
    expect(
      await page
        .getByRole('list', { name: /Lĩnh vực/ })
        .getByText('Ung thư')
        .count(),
    ).toBe(0);
    await page.keyboard.type('ung thu');
    await page.getByRole('option', { name: 'Ung thư' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Lưu thay đổi' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('edit-record').waitFor();
    const saved = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      partyIds: string[];
      areaIds: string[];
    };
    const russia = (await (await page.request.get('/api/v1/partners?q=nga')).json()) as Listed;
    expect(saved.partyIds).toContain(russia.items[0]?.id);
    expect(saved.areaIds).toContain('oncology');
    await page.getByRole('heading', { name: 'Nguồn', exact: true }).waitFor();
  });

  it('saves right after a value is picked with the mouse: the list closes and never covers Save', async () => {
    const agreements = (await (await page.request.get('/api/v1/agreements?q=Belarus')).json()) as Listed;
    const id = agreements.items[0]?.id ?? '';
    const before = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      areaIds: string[];
    };
    await page.goto(`/app/agreements/${id}`);
    await page.getByTestId('edit-record').click();
    const save = page.getByRole('button', { name: 'Lưu thay đổi' });
    // The form runs past the bottom of the window; its actions stay in view all the same.
    expect(await isTopmost(save)).toBe(true);

    // Areas is the form's last field: an open list right above the actions must not cover them.
    const areas = page.getByRole('combobox', { name: 'Lĩnh vực', exact: true });
    await areas.click();
    const list = page.getByRole('listbox', { name: 'Lĩnh vực' });
    await list.getByRole('option').nth(5).waitFor();
    expect(await isTopmost(save)).toBe(true);
    const listBox = await list.boundingBox();
    const viewport = page.viewportSize();
    // Bounded: a long list scrolls inside itself instead of running off the page.
    expect(listBox && viewport && listBox.height < viewport.height / 2).toBe(true);
    await saveScreenshot(page, 'link-picker-open');

    await list.getByRole('option').first().click();
    expect(await list.isVisible()).toBe(false);
    expect(await areas.getAttribute('aria-expanded')).toBe('false');
    await save.click();
    await page.getByTestId('edit-record').waitFor();
    const after = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      areaIds: string[];
    };
    expect(after.areaIds).toHaveLength(before.areaIds.length + 1);
  });

  it('closes the link picker on Escape and when focus leaves it', async () => {
    const agreements = (await (await page.request.get('/api/v1/agreements?q=Belarus')).json()) as Listed;
    await page.goto(`/app/agreements/${agreements.items[0]?.id ?? ''}`);
    await page.getByTestId('edit-record').click();
    const areas = page.getByRole('combobox', { name: 'Lĩnh vực', exact: true });
    await areas.click();
    const list = page.getByRole('listbox', { name: 'Lĩnh vực' });
    await list.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await list.isVisible()).toBe(false);
    // Escape closes the list only, not the form around it.
    expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).isVisible()).toBe(true);

    await page.keyboard.press('ArrowDown');
    await list.getByRole('option').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await list.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Hủy' }).click();
  });

  it('shows a field error from the server next to the link field', async () => {
    const agreements = (await (await page.request.get('/api/v1/agreements?q=Belarus')).json()) as Listed;
    const id = agreements.items[0]?.id ?? '';
    await page.goto(`/app/agreements/${id}`);
    await page.getByTestId('edit-record').click();
    // Intercept the save so the server appears to refuse one party, as it does for a deleted one.
    await refuseNextSave(
      page,
      `**/api/v1/agreements/${id}`,
      'body.partyIds.0',
      'refers to no existing partner',
    );
    await page.getByRole('combobox', { name: 'Các bên ký kết' }).focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const field = page.locator('.field-invalid', {
      has: page.getByRole('combobox', { name: 'Các bên ký kết' }),
    });
    await field.getByText('refers to no existing partner').waitFor();
    await page.unroute(`**/api/v1/agreements/${id}`);
  });

  it('lets a unit user post progress on a commitment its organisation owns, and offers no form on another', async () => {
    const unit = await newContext(browser, server.baseUrl);
    const unitPage = await unit.newPage();
    await signIn(unitPage, unitEmail, unitPassword);

    await unitPage.goto(`/app/commitments/${ownedCommitmentId}`);
    await unitPage.getByRole('heading', { name: 'Cập nhật tiến độ' }).waitFor();
    expect(await unitPage.getByTestId('edit-record').count()).toBe(0);
    await unitPage.getByLabel('Nội dung cập nhật').fill('Đã họp nhóm công tác lần thứ nhất');
    await unitPage.getByLabel('Trạng thái mới (không bắt buộc)').selectOption('in_progress');
    await unitPage.getByRole('button', { name: 'Gửi cập nhật' }).click();
    await unitPage.getByTestId('progress-list').getByText('Đã họp nhóm công tác lần thứ nhất').waitFor();
    await unitPage.getByText('Đã ghi nhận cập nhật tiến độ.').waitFor();
    await saveScreenshot(unitPage, 'commitment-progress');
    expect(await findSeriousViolations(unitPage)).toEqual([]);

    await unitPage.goto(`/app/commitments/${otherCommitmentId}`);
    await unitPage.getByTestId('overdue').waitFor();
    // The server refuses a non-owner (server/modules/commitments tests); the page does not offer it.
    expect(await unitPage.getByRole('heading', { name: 'Cập nhật tiến độ' }).count()).toBe(0);
    expect(await unitPage.getByLabel('Nội dung cập nhật').count()).toBe(0);
    expect(await unitPage.getByTestId('progress-list').count()).toBe(0);
    await unit.close();
  });
});
