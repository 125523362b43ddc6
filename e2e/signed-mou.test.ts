import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../server/documents/render-pdf.ts';
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

// A desk officer holds the signed MoU as a PDF: from "New agreement" to the inbox's card, the reader
// drafts it, the officer reviews it, then adds two parties created from inside the picker without
// losing the form; the agreement shows them and its signed text, downloadable.

const fileName = 'BGN Việt Nam - Belarus 2025.pdf';

describe('an MoU registered from its signed text', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pdf: Buffer;

  beforeAll(async () => {
    [server, browser, pdf] = await Promise.all([
      startServer(),
      launchBrowser(),
      renderPdf({
        language: 'vi',
        title: 'BẢN GHI NHỚ',
        preamble: [],
        blocks: [
          {
            kind: 'paragraph',
            text: 'Bản ghi nhớ giữa Bộ Y tế nước Cộng hòa xã hội chủ nghĩa Việt Nam và Bộ Y tế Cộng hòa Belarus về hợp tác trong lĩnh vực y tế.',
          },
          {
            kind: 'paragraph',
            text: 'Hai Bên thống nhất hợp tác đào tạo nhân lực y tế, nghiên cứu khoa học và trao đổi chuyên gia.',
          },
          {
            kind: 'paragraph',
            text: 'Bản ghi nhớ được ký tại Hà Nội ngày 12 tháng 3 năm 2025, thành hai bản bằng tiếng Việt, tiếng Nga và tiếng Anh.',
          },
        ],
        footer: '',
      }),
    ]);
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

  it('reads the PDF, is reviewed, gains two new parties from the picker, and keeps its signed text', async () => {
    await page.goto('/app/agreements/new');
    await page.getByTestId('from-signed-text').click();
    await page.waitForURL(/\/app\/inbox/);
    const form = page.locator('form[aria-labelledby="signed-text-title"]');
    // The link lands on the signed-text card, brought into view.
    await form.waitFor();
    await page.waitForFunction(() => {
      const top = document
        .querySelector('form[aria-labelledby="signed-text-title"]')
        ?.getBoundingClientRect().top;
      return top !== undefined && top >= 0 && top < window.innerHeight;
    });
    await form.getByLabel('Văn bản đã ký (PDF, DOCX)').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await form.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.waitForURL(/\/app\/review\//);
    await page.getByTestId('attached-documents').getByRole('link', { name: fileName }).waitFor();
    // What the reader matched to existing records: the officer says these are new.
    const undecided = page.getByTestId('undecided');
    // Each round answers one card still waiting for a decision (its box, not the first unticked box
    // on the page). The cards look for possible duplicates as they mount, so a card can become
    // undecided after the others are answered: answer until the page is idle and nothing waits.
    for (let round = 0; round < 40; round += 1) {
      await page.waitForLoadState('networkidle');
      if ((await undecided.count()) === 0) break;
      await undecided.getByRole('button').first().click();
      await page
        .locator('.matches-undecided')
        .first()
        .getByRole('checkbox', { name: 'Không trùng — tạo hồ sơ mới' })
        .check();
    }
    expect(await undecided.count()).toBe(0);
    await saveScreenshot(page, 'signed-mou-review');
    await page.getByRole('button', { name: 'Lưu tất cả vào sổ đăng ký' }).click();
    await page.getByText('Đã lưu bản nháp vào sổ đăng ký.').waitFor();
    await page.getByRole('status').getByRole('link', { name: 'Thỏa thuận' }).first().click();
    await page.waitForURL(/\/app\/agreements\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').at(-1);

    // The officer adds the two signing units, created from inside the picker.
    await page.getByTestId('edit-record').click();
    const titleField = page.getByLabel('Tên tiếng Việt');
    const title = 'Bản ghi nhớ hợp tác y tế Việt Nam – Belarus (ký tại Hà Nội 12/3/2025)';
    await titleField.fill(title);
    await createPartyInPicker(
      'E2EBYMOH',
      'Bộ Y tế Cộng hòa Belarus (thử)',
      'Ministry of Health of Belarus (test)',
    );
    await createPartyInPicker(
      'E2EBYRC',
      'Trung tâm Khoa học Thực hành Tim mạch Cộng hòa (thử)',
      'Republican Scientific and Practical Centre Cardiology (test)',
    );
    expect(await titleField.inputValue()).toBe(title);
    const chips = page.getByRole('list', { name: /Các bên ký kết/ });
    await chips.getByText('Bộ Y tế Cộng hòa Belarus (thử)').waitFor();
    await chips.getByText('Trung tâm Khoa học Thực hành Tim mạch Cộng hòa (thử)').waitFor();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('link', { name: 'Bộ Y tế Cộng hòa Belarus (thử)' }).first().waitFor();
    await page
      .getByRole('link', { name: 'Trung tâm Khoa học Thực hành Tim mạch Cộng hòa (thử)' })
      .first()
      .waitFor();

    const saved = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      kind: string;
      partyIds: string[];
    };
    expect(saved.kind).toBe('mou');
    const partners = (await (await page.request.get('/api/v1/partners?q=thử')).json()) as {
      items: { id: string; code: string }[];
    };
    const created = partners.items.filter((p) => p.code === 'E2EBYMOH' || p.code === 'E2EBYRC');
    expect(created).toHaveLength(2);
    for (const partner of created) expect(saved.partyIds).toContain(partner.id);

    const panel = page.getByTestId('attached-documents');
    await panel.getByTestId('attached-document').getByText('Văn bản đã ký', { exact: true }).waitFor();
    await saveScreenshot(page, 'signed-mou-registered');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: fileName, exact: true }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(Buffer.compare(Buffer.concat(chunks), pdf)).toBe(0);
  });
});
