import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPaths } from '../common/domain/public-urls.ts';
import {
  findSeriousViolations,
  launchBrowser,
  newContext,
  type RunningServer,
  saveScreenshot,
  startServer,
} from './harness.ts';

// The public portal as the public reads it (the demo data, nobody signed in): every page type in
// both languages, axe on each, and the server's HTML read without any script, as Zalo, Facebook
// and crawlers read it.

interface NewsItem {
  id: string;
  title: string;
  lead: string | null;
}

describe('the public portal', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let article: NewsItem;
  let pages: Record<string, { path: string; heading: RegExp }>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseUrl);
    const news = (await (await context.request.get('/api/public/news')).json()) as { items: NewsItem[] };
    article = news.items.find((item) => item.lead) as NewsItem;
    const agreements = (await (await context.request.get('/api/public/agreements?partner=BY')).json()) as {
      items: { id: string; titleVi: string }[];
    };
    const agreement = agreements.items[0];
    if (!article || !agreement) throw new Error('The demo data has no published article or agreement.');
    pages = {
      home: { path: '/', heading: /^(Tin mới nhất|Latest news)$/ },
      article: { path: publicPaths.article(article), heading: new RegExp(`^${article.title}$`) },
      partner: { path: publicPaths.partner('BY'), heading: /^Belarus$/ },
      registry: { path: publicPaths.agreements, heading: /^(Cơ sở dữ liệu thỏa thuận|Agreements registry)$/ },
      agreement: { path: publicPaths.agreement(agreement), heading: /Belarus/ },
      area: { path: publicPaths.area('research'), heading: /^(Nghiên cứu khoa học|Scientific research)$/ },
      search: { path: `${publicPaths.search}?q=belarus`, heading: /^(Tìm kiếm|Search)$/ },
    };
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  for (const language of ['vi', 'en'] as const) {
    it(`shows every page type in ${language}, with no serious accessibility violation`, async () => {
      for (const [name, { path, heading }] of Object.entries(pages)) {
        const page: Page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => {
          // Hydration mismatches are reported as console errors; the 401 of "who is signed in" is not one.
          if (message.type() === 'error' && !message.text().includes('401')) problems.push(message.text());
        });
        const separator = path.includes('?') ? '&' : '?';
        await page.goto(`${path}${language === 'en' ? `${separator}lang=en` : ''}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
        await page.waitForLoadState('networkidle');
        expect(await page.locator('html').getAttribute('lang'), name).toBe(language);
        const navigation = page.getByRole('navigation', {
          name: language === 'vi' ? 'Điều hướng cổng thông tin' : 'Portal navigation',
        });
        expect(await navigation.isVisible(), name).toBe(true);
        expect(await findSeriousViolations(page), `${name} (${language})`).toEqual([]);
        expect(problems, `${name} (${language})`).toEqual([]);
        await saveScreenshot(page, `portal-${name}-${language}`);
        await page.close();
      }
    });
  }

  it('serves the article, partner, agreement and area pages with their content and og: tags before any script', async () => {
    const response = await context.request.get(pages.article!.path);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('public, max-age=60');
    expect(response.headers().etag).toBeTruthy();
    const html = await response.text();
    const escaped = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    expect(html).toContain(`<title>${escaped(article.title)} — `);
    expect(html).toContain(`<meta property="og:title" content="${escaped(article.title)}" />`);
    expect(html).toMatch(/<meta property="og:description" content="[^"]{20,}" \/>/);
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain(escaped((article.lead ?? '').replace(/…$/, '').slice(0, 60)));

    // With JavaScript off, the page a reader sees is the server's: heading, lead, links.
    const noScript = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
    for (const name of ['article', 'partner', 'agreement', 'area'] as const) {
      const page = await noScript.newPage();
      await page.goto(pages[name]!.path);
      const heading = page.getByRole('heading', { level: 1 });
      expect(await heading.textContent(), name).toMatch(pages[name]!.heading);
      expect(await page.locator('meta[property="og:title"]').getAttribute('content'), name).toBeTruthy();
      await page.close();
    }
    const english = await noScript.newPage();
    await english.goto(`${pages.partner!.path}?lang=en`);
    expect(await english.locator('html').getAttribute('lang')).toBe('en');
    expect(await english.getByRole('heading', { name: 'News about this partner' }).count()).toBe(1);
    await noScript.close();
  });

  it('redirects the old addresses and keeps working from the search box and the registry filters', async () => {
    const old = await context.request.get(`/news/${article.id}`, { maxRedirects: 0 });
    expect(old.status()).toBe(301);
    expect(old.headers().location).toBe(pages.article!.path);

    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Tìm trên cổng thông tin' }).fill('belarus');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/\/tim-kiem\?q=belarus/);
    await page.getByRole('heading', { level: 2, name: 'Thỏa thuận' }).waitFor();

    await page.goto(publicPaths.agreements);
    await page.getByLabel('Đối tác').selectOption('BY');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/partner=BY/);
    const rows = page.locator('.agreement-table tbody tr');
    await rows.first().waitFor();
    // The unfiltered rows stay on screen until the filtered page arrives (the address changes first).
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes('Belarus')))
      .toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.close();
  });
});
