import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPaths } from '../common/domain/public-urls.ts';
import {
  adminEmail,
  adminPassword,
  findSeriousViolations,
  launchBrowser,
  newContext,
  type RunningServer,
  readArticle,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

const articleTitle = 'Tăng cường hợp tác y tế giữa Việt Nam và Cộng hòa Belarus';
// The article's date line prints "08/10/2024 | 17:06 PM": the portal shows that day and time.
const portalTime = '08/10/2024 17:06';

// One desk officer's session, step by step: each test continues where the previous one stopped.
describe('a desk officer turns the Belarus article into records and the public reads it', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor of the workspace to sign in, then opens the inbox', async () => {
    await page.goto('/app');
    await page.waitForURL(/\/app\/sign-in/);
    await saveScreenshot(page, 'sign-in');
    expect(await findSeriousViolations(page)).toEqual([]);
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('reads a pasted article into a draft shown beside the highlighted source', async () => {
    await page.getByLabel('Dán nội dung bài viết').fill(readArticle('seed-000-belarus-mou.txt'));
    await page.getByRole('button', { name: 'Đọc và lập bản nháp' }).click();
    await page.waitForURL(/\/app\/review\//);
    reviewUrl = page.url();
    await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
    const participant = page.locator('[data-section="participants"]').filter({ hasText: 'Nguyễn Tri Thức' });
    await participant.first().waitFor();
    expect(await page.locator('.source-text mark.span-person').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'review');
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('scrolls to and flashes the span of an item, using the keyboard only', async () => {
    const card = page.locator('[data-section="participants"]').filter({ hasText: 'Nguyễn Tri Thức' }).first();
    const show = card.getByRole('button', { name: 'Xem trong văn bản' });
    await show.focus();
    await page.keyboard.press('Enter');
    await page.locator('.source-text .flash').first().waitFor();
  });

  it('lets the officer fix an item and add one from selected source text', async () => {
    const card = page.locator('[data-section="participants"]').filter({ hasText: 'Nguyễn Tri Thức' }).first();
    await card.getByRole('button', { name: 'Sửa' }).click();
    await card.getByLabel('Chức danh').fill('Thứ trưởng Bộ Y tế Việt Nam');
    await card.getByRole('button', { name: 'Xong' }).click();
    await card.getByText('Thứ trưởng Bộ Y tế Việt Nam').waitFor();
    // Select a sentence of the source and add it as a commitment.
    const sentence = 'tiếp tục trao đổi, phối hợp xây dựng nội dung, chương trình, kế hoạch hợp tác sắp tới';
    await page.evaluate((text) => {
      const container = document.querySelector('.source-text');
      if (!container) throw new Error('no source text');
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error('sentence not found in a single run of the source');
    }, sentence);
    await page.locator('.selection-preview', { hasText: 'phối hợp xây dựng' }).waitFor();
    const commitmentsBefore = await page.locator('[data-section="commitments"]').count();
    await page.getByRole('button', { name: '+ Cam kết' }).click();
    expect(await page.locator('[data-section="commitments"]').count()).toBe(commitmentsBefore + 1);
  });

  it('shows each event under its own title and each commitment with its status, both editable', async () => {
    const event = page.locator('[data-section="events"]').first();
    await event.getByText('Lễ ký Bản ghi nhớ hợp tác với Belarus').waitFor();
    await event.getByRole('button', { name: 'Sửa' }).click();
    await event.getByLabel('Tên sự kiện').fill('Lễ ký Bản ghi nhớ hợp tác y tế Việt Nam – Belarus');
    await event.getByRole('button', { name: 'Xong' }).click();
    await event.getByText('Lễ ký Bản ghi nhớ hợp tác y tế Việt Nam – Belarus').waitFor();
    const commitment = page
      .locator('[data-section="commitments"]')
      .filter({ hasText: 'thống nhất giao cho' });
    await commitment.first().locator('.item-details', { hasText: 'Đã thống nhất' }).waitFor();
    await commitment.first().getByRole('button', { name: 'Sửa' }).click();
    await commitment.first().getByLabel('Trạng thái').selectOption('proposed');
    await commitment.first().getByRole('button', { name: 'Xong' }).click();
    await commitment.first().locator('.item-details', { hasText: 'Đề xuất' }).waitFor();
  });

  it('asks the officer to confirm records that already exist before accepting', async () => {
    // The demo data holds the Belarus MoU and its signatories: the draft must link to them, not copy them.
    await page.getByTestId('undecided').waitFor();
    const acceptButton = page.getByRole('button', { name: 'Lưu tất cả vào sổ đăng ký' });
    expect(await acceptButton.isDisabled()).toBe(true);
    for (;;) {
      const link = page.getByRole('button', { name: /^(Là người này|Là thỏa thuận này)/ }).first();
      if ((await link.count()) === 0) break;
      await link.click();
    }
    const thuc = page.locator('[data-section="participants"]').filter({ hasText: 'Nguyễn Tri Thức' }).first();
    await thuc.getByTestId('match-linked').waitFor();
    expect(await page.getByTestId('undecided').count()).toBe(0);
    expect(await acceptButton.isDisabled()).toBe(false);
  });

  it('accepts the draft and publishes the article', async () => {
    await page.getByLabel('Công bố bài viết lên cổng thông tin').check();
    await page.getByRole('button', { name: 'Lưu tất cả vào sổ đăng ký' }).click();
    await page.getByText('Đã lưu bản nháp vào sổ đăng ký.').waitFor();
  });

  it('shows the MoU on the Belarus partner page, once', async () => {
    await page.goto('/app/partners?q=Belarus');
    await page.getByRole('link', { name: 'Belarus' }).first().click();
    await page.getByRole('heading', { name: 'Thỏa thuận', exact: true }).waitFor();
    const agreements = page.locator('section', {
      has: page.getByRole('heading', { name: 'Thỏa thuận', exact: true }),
    });
    await agreements
      .getByText(/Bản ghi nhớ/)
      .first()
      .waitFor();
    await saveScreenshot(page, 'partner-belarus');
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('shows the accepted article among the MoU’s sources, with the quoted words', async () => {
    const agreements = page.locator('section', {
      has: page.getByRole('heading', { name: 'Thỏa thuận', exact: true }),
    });
    await agreements
      .getByRole('link', { name: /Bản ghi nhớ/ })
      .first()
      .click();
    await page.waitForURL(/\/app\/agreements\//);
    const provenance = page.getByTestId('provenance');
    await provenance.getByRole('link', { name: articleTitle }).waitFor();
    expect(await provenance.locator('blockquote').count()).toBeGreaterThan(0);
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('publishes the article on the portal with its date and related news, and no empty source line', async () => {
    const sourceId = reviewUrl.split('/').at(-1) ?? '';
    await page.goto('/');
    // The portal's readable address: /tin/<slug>-<id>.
    // Listed twice on the home page (the news, and the latest publications): the first is the news.
    const item = page
      .locator('.news-list li', { has: page.locator(`a[href^="/tin/"][href$="-${sourceId}"]`) })
      .first();
    await item.waitFor();
    // The title's link, beside the partner tags' links.
    expect(await item.locator(`a[href$="-${sourceId}"]`).textContent()).toBe(articleTitle);
    expect(await item.locator('time').textContent()).toBe(portalTime);
    await saveScreenshot(page, 'portal-home');
    expect(await findSeriousViolations(page)).toEqual([]);

    await item.getByRole('link', { name: articleTitle }).click();
    await page.waitForURL(`**/tin/*-${sourceId}`);
    await page.getByRole('heading', { level: 1, name: articleTitle }).waitFor();
    await page.getByRole('heading', { name: 'Tin liên quan' }).waitFor();
    expect(await page.locator('article.article header time').textContent()).toBe(portalTime);
    expect(await page.locator('.related .news-list li').count()).toBeGreaterThan(0);
    // The pasted article named no outlet and no address: no source line, and never "Nguồn: —".
    expect(await page.getByText(/^Nguồn:/).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Chia sẻ' }).waitFor();
    await saveScreenshot(page, 'portal-article');
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('shows the date alone on the portal for an article that prints no time, never an invented 12:00', async () => {
    const title = 'Hợp tác y tế Việt Nam – Campuchia trong đào tạo điều dưỡng';
    const created = await page.request.post('/api/v1/sources', {
      data: {
        text: `${title}\n09/10/2024\nBộ Y tế tiếp đoàn công tác Bộ Y tế Campuchia về đào tạo điều dưỡng.`,
      },
    });
    expect(created.status()).toBe(201);
    const source = (await created.json()) as { id: string; version: number };
    const published = await page.request.patch(`/api/v1/sources/${source.id}`, {
      data: { version: source.version, isPublished: true },
    });
    expect(published.status()).toBe(200);
    await page.goto(publicPaths.article({ id: source.id, title }));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.locator('article.article header time').textContent()).toBe('09/10/2024');
  });

  it('finds Nguyễn Tri Thức when the officer types "nguyen tri thuc"', async () => {
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('global-search');
    await page.keyboard.type('nguyen tri thuc');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/search\?q=/);
    const people = page.locator('section', { has: page.getByRole('heading', { name: /Nhân sự/ }) });
    const hit = people.getByRole('link', { name: 'Nguyễn Tri Thức' }).first();
    await hit.waitFor();
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'search');
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('switches to English and remembers the choice', async () => {
    await page.getByRole('button', { name: /^EN\b/ }).click();
    await page
      .getByRole('navigation', { name: 'Workspace navigation' })
      .getByRole('link', { name: 'Agreements' })
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Results for/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await saveScreenshot(page, 'search-en');
  });

  it('keeps review items usable after switching language', async () => {
    await page.goto(reviewUrl);
    await page.getByRole('heading', { name: 'Draft' }).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^VI\b/ }).click();
  });

  it('tells the officer the article is already registered, links to it, and registers it anyway on request', async () => {
    const sourceId = reviewUrl.split('/').at(-1) ?? '';
    await page.goto('/app/inbox');
    await page.getByLabel('Dán nội dung bài viết').fill(readArticle('seed-000-belarus-mou.txt'));
    await page.getByRole('button', { name: 'Đọc và lập bản nháp' }).click();
    const notice = page.getByTestId('duplicate-source');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`«${articleTitle}», 08/10/2024`);
    const existing = notice.getByRole('link', { name: 'Mở nguồn tin đã có' });
    expect(await existing.getAttribute('href')).toBe(`/app/sources/${sourceId}`);
    expect(await findSeriousViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: 'Vẫn đăng ký' }).click();
    await page.waitForURL(
      (url) => url.pathname.startsWith('/app/review/') && !url.pathname.endsWith(sourceId),
    );
  });
});
