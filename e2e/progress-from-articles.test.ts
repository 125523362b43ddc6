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

// Written for this journey (not evaluation data): a later article reports the completion of a
// commitment registered under a memorandum with Korea.
const laterArticle = `Hàn Quốc và Việt Nam hoàn thành đào tạo điều dưỡng hồi sức
18/11/2025 | 09:00 AM
Ngày 18/11/2025, tại Hà Nội, Bộ Y tế và Đại sứ quán Hàn Quốc tổ chức hội nghị tổng kết dự án.
Hai bên đã hoàn thành việc đào tạo 150 điều dưỡng hồi sức tích cực cho các bệnh viện tuyến tỉnh miền Trung.`;

interface Listed {
  items: Array<{ id: string; code?: string }>;
}

describe('progress from a later article', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let commitmentId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await newContext(browser, server.baseUrl);
    page = await admin.newPage();
    await signIn(page, adminEmail, adminPassword);
    const partners = (await (await page.request.get('/api/v1/partners?q=Hàn Quốc')).json()) as Listed;
    const korea = partners.items.find((partner) => partner.code === 'KR');
    expect(korea).toBeDefined();
    const agreement = await page.request.post('/api/v1/agreements', {
      data: {
        kind: 'mou',
        titleVi: 'Bản ghi nhớ về đào tạo điều dưỡng Việt Nam – Hàn Quốc',
        status: 'signed',
        signedOn: '2023-05-02',
        partyIds: [korea?.id],
      },
    });
    expect(agreement.status()).toBe(201);
    const commitment = await page.request.post('/api/v1/commitments', {
      data: {
        text: 'Đào tạo 150 điều dưỡng hồi sức tích cực cho bệnh viện tuyến tỉnh miền Trung',
        agreementId: ((await agreement.json()) as { id: string }).id,
        status: 'agreed',
      },
    });
    expect(commitment.status()).toBe(201);
    commitmentId = ((await commitment.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('proposes the completion in review; accepting records it on the commitment, citing the article', async () => {
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
    await page.getByLabel('Dán nội dung bài viết').fill(laterArticle);
    await page.getByRole('button', { name: 'Đọc và lập bản nháp' }).click();
    await page.waitForURL(/\/app\/review\//);
    const sourceId = new URL(page.url()).pathname.split('/').pop() ?? '';

    const proposals = page.getByTestId('progress-proposals');
    await proposals.getByRole('heading', { name: /Tiến độ việc đã đăng ký/ }).waitFor();
    const card = proposals.getByRole('listitem').filter({ hasText: 'Đã hoàn thành' }).first();
    await card.getByRole('link', { name: /150 điều dưỡng hồi sức/ }).waitFor();
    expect(await card.getByRole('link', { name: /150 điều dưỡng hồi sức/ }).getAttribute('href')).toBe(
      `/app/commitments/${commitmentId}`,
    );
    await card.getByText('18/11/2025').first().waitFor();
    await card.getByText(/Cùng đối tác: Hàn Quốc/).waitFor();
    await card.getByText(/Từ chung: .*điều, dưỡng/).waitFor();
    await saveScreenshot(page, 'progress-proposal');
    expect(await findSeriousViolations(page)).toEqual([]);

    await card.getByRole('button', { name: /^Chấp nhận/ }).click();
    await card.getByText('✓ Đã chấp nhận').waitFor();
    await page.getByRole('button', { name: 'Lưu tất cả vào sổ đăng ký' }).click();
    await page.getByRole('status').waitFor();

    await page.goto(`/app/commitments/${commitmentId}`);
    const progress = page.getByTestId('progress-list');
    await progress.getByText(/Hai bên đã hoàn thành việc đào tạo 150 điều dưỡng/).waitFor();
    const citation = progress.getByRole('link', { name: '(theo bài viết)' });
    expect(await citation.getAttribute('href')).toBe(`/app/sources/${sourceId}`);
    await saveScreenshot(page, 'progress-from-article');
  });
});
