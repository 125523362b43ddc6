import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
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

const viewerEmail = 'viewer@example.org';
const viewerPassword = 'viewer-password-1';
const secret = `UNPUBLISHED-${Date.now()}`;

interface Page_<T> {
  items: T[];
}

async function readJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

describe('who may see and change what', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let viewer: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await newContext(browser, server.baseUrl);
    viewer = await newContext(browser, server.baseUrl);
    const adminPage = await admin.newPage();
    await signIn(adminPage, adminEmail, adminPassword);
    const created = await admin.request.post('/api/v1/users', {
      data: { email: viewerEmail, password: viewerPassword, role: 'viewer' },
    });
    expect(created.status()).toBe(201);
    page = await viewer.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a viewer the workspace without any edit control', async () => {
    await signIn(page, viewerEmail, viewerPassword);
    // Leadership lands on My work, with the place the leadership dashboard mounts.
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    await page.getByTestId('dashboard-slot').waitFor({ state: 'attached' });
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByLabel('Dán nội dung bài viết').count()).toBe(0);

    await page.goto('/app/partners');
    await page.locator('.data-table a').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Thỏa thuận', exact: true }).waitFor();
    expect(await page.getByTestId('edit-record').count()).toBe(0);
    await saveScreenshot(page, 'viewer-partner');
  });

  it('refuses a viewer’s writes in the API', async () => {
    const partners = await readJson<Page_<{ id: string; version: number }>>(page.request, '/api/v1/partners');
    const partner = partners.items[0];
    expect(partner).toBeDefined();
    const patch = await page.request.patch(`/api/v1/partners/${partner?.id}`, {
      data: { version: partner?.version, nameEn: 'Changed by a viewer' },
    });
    expect(patch.status()).toBe(403);
    const post = await page.request.post('/api/v1/sources', { data: { text: 'Một bài viết bất kỳ.' } });
    expect(post.status()).toBe(403);
  });

  it('never shows unpublished sources to the public', async () => {
    const created = await admin.request.post('/api/v1/sources', {
      data: { title: secret, text: `${secret}. Bộ Y tế Việt Nam làm việc với Đại sứ quán Belarus.` },
    });
    expect(created.status()).toBe(201);
    const source = (await created.json()) as { id: string };

    const anonymous = await newContext(browser, server.baseUrl);
    const news = await anonymous.request.get('/api/public/news');
    expect(await news.text()).not.toContain(secret);
    expect((await anonymous.request.get(`/api/public/news/${source.id}`)).status()).toBe(404);
    expect(await (await anonymous.request.get('/feed.atom')).text()).not.toContain(secret);

    const portal = await anonymous.newPage();
    await portal.goto('/');
    await portal.locator('.news-list li').first().waitFor();
    expect(await portal.content()).not.toContain(secret);
    await portal.goto(`/news/${source.id}`);
    await portal.getByRole('alert').waitFor();
    expect(await portal.content()).not.toContain(secret);
    await anonymous.close();
  });
});
