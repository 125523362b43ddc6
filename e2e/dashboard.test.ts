import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, PublicDashboard } from '../common/contracts/dashboard.ts';
import { addDays, todayInVietNam } from '../common/domain/calendar.ts';
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

// The demo data (Belarus, Russia) plus one unpublished meeting with Japan: the workspace's
// dashboard shows Japan, the portal's must not.
describe('the dashboards', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  const cspErrors: string[] = [];
  const hiddenTitle = 'Hội đàm chưa công bố với Nhật Bản';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await newContext(browser, server.baseUrl);
    page = await admin.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspErrors.push(message.text());
    });
    await signIn(page, adminEmail, adminPassword);
    // Japan may already be in the demo data; the unpublished meeting is what this test adds.
    const created = await page.request.post('/api/v1/partners', {
      data: { kind: 'country', code: 'JP', nameVi: 'Nhật Bản', nameEn: 'Japan' },
    });
    expect([201, 409]).toContain(created.status());
    const listed = (await (await page.request.get('/api/v1/partners?pageSize=200')).json()) as {
      items: { id: string; code: string }[];
    };
    const japanId = listed.items.find((partner) => partner.code === 'JP')?.id;
    expect(japanId).toBeTruthy();
    const event = await page.request.post('/api/v1/events', {
      data: {
        kind: 'talks',
        title: hiddenTitle,
        startOn: addDays(todayInVietNam(), -20),
        partnerIds: [japanId],
        areaIds: ['research'],
        isPublished: false,
      },
    });
    expect(event.status()).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the world map with partner countries shaded, and a click opens the partner', async () => {
    await page.goto('/app/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan hợp tác quốc tế' }).waitFor();
    const map = page.getByTestId('world-map');
    await map.locator('path.is-partner').first().waitFor();
    expect(await map.locator('path').count()).toBeGreaterThan(150);
    for (const code of ['BY', 'RU', 'JP'])
      expect(await map.locator(`path.is-partner[data-code="${code}"]`).getAttribute('class')).toMatch(
        /activity-[1-4]/,
      );
    const figures = (await (await page.request.get('/api/v1/dashboard')).json()) as Dashboard;
    expect(await map.locator('path.is-partner').count()).toBe(
      figures.partners.filter((partner) => partner.numericCode).length,
    );
    await saveScreenshot(page, 'dashboard');
    expect(await findSeriousViolations(page)).toEqual([]);

    await map.locator('a:has(path[data-code="BY"])').click();
    await page.waitForURL(/\/app\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Belarus/ }).waitFor();
  });

  it('fills the matrix with the API’s counts, and a count opens the list behind it', async () => {
    const figures = (await (await page.request.get('/api/v1/dashboard')).json()) as Dashboard;
    const cell = [...figures.matrix.cells].sort((a, b) => b.agreements - a.agreements)[0];
    expect(cell?.agreements).toBeGreaterThan(0);
    const partner = figures.matrix.partners.find((item) => item.id === cell?.partnerId);
    await page.goto('/app/dashboard');
    const matrix = page.getByTestId('matrix');
    await matrix.waitFor();
    const rendered = matrix.locator(`td[data-cell="${cell?.areaId}:${partner?.code}"]`);
    for (const measure of ['agreements', 'events', 'openCommitments'] as const)
      expect(await rendered.locator(`[data-measure="${measure}"]`).first().innerText()).toMatch(
        new RegExp(`^${cell?.[measure]}\\b`),
      );
    const shownCells = await matrix.locator('td[data-cell]').count();
    expect(shownCells).toBe(figures.matrix.areas.length * figures.matrix.partners.length);

    await rendered.locator('a[data-measure="agreements"]').click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/app/agreements' &&
        url.searchParams.get('partnerId') === cell?.partnerId &&
        url.searchParams.get('areaId') === cell?.areaId,
    );
    await page.getByText(`${cell?.agreements} bản ghi`).waitFor();
  });

  it('draws the charts and narrows the timeline by kind', async () => {
    await page.goto('/app/dashboard');
    for (const chart of [
      'agreements-by-status',
      'signings-per-year',
      'commitments-by-status',
      'commitments-by-owner',
    ]) {
      const bars = page.getByTestId(chart).locator('svg rect');
      await bars.first().waitFor();
      expect(await bars.count()).toBeGreaterThan(0);
    }
    const timeline = page.getByTestId('timeline');
    expect(await timeline.innerText()).toContain(hiddenTitle);
    await page.getByRole('form', { name: 'Lọc dòng thời gian' }).getByLabel('Loại').selectOption('talks');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'talks');
    const talks = (await (await page.request.get('/api/v1/dashboard?kind=talks')).json()) as Dashboard;
    await expect.poll(() => timeline.locator('li').count(), { timeout: 10_000 }).toBe(talks.timeline.length);
    expect(talks.timeline.length).toBeGreaterThan(0);
    for (const badge of await timeline.locator('li .badge').allInnerTexts()) expect(badge).toBe('Hội đàm');
    expect(cspErrors).toEqual([]);
  });

  it('opens an area page from the matrix with the records filed under it', async () => {
    await page.goto('/app/dashboard');
    const matrix = page.getByTestId('matrix');
    const areaLink = matrix.locator('tbody th a').first();
    const areaName = await areaLink.innerText();
    await areaLink.click();
    await page.waitForURL(/\/app\/areas\/[a-z_0-9]+$/);
    await page.getByRole('heading', { level: 1, name: areaName }).waitFor();
    expect(await page.locator('section[aria-labelledby="area-agreements"] tbody tr').count()).toBeGreaterThan(
      0,
    );
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it('shows the public dashboard over published records only', async () => {
    const visitor = await newContext(browser, server.baseUrl);
    const publicPage = await visitor.newPage();
    publicPage.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspErrors.push(message.text());
    });
    const figures = (await (await publicPage.request.get('/api/public/dashboard')).json()) as PublicDashboard;
    expect(figures.partners.map((partner) => partner.code)).not.toContain('JP');
    await publicPage.goto('/so-lieu');
    await publicPage.getByRole('heading', { level: 1, name: 'Số liệu hợp tác quốc tế về y tế' }).waitFor();
    const map = publicPage.getByTestId('world-map');
    await map.locator('path.is-partner').first().waitFor();
    expect(await map.locator('path.is-partner[data-code="JP"]').count()).toBe(0);
    expect(await map.locator('path.is-partner').count()).toBe(
      figures.partners.filter((partner) => partner.numericCode).length,
    );
    expect(await publicPage.locator('main').innerText()).not.toContain(hiddenTitle);
    expect(await publicPage.getByTestId('commitments-by-status').count()).toBe(0);
    await publicPage.getByTestId('agreements-by-status').locator('svg rect').first().waitFor();
    await saveScreenshot(publicPage, 'dashboard-public');
    expect(await findSeriousViolations(publicPage)).toEqual([]);

    await map.locator('a:has(path[data-code="BY"])').click();
    await publicPage.waitForURL(/\/partners\/BY$/);
    expect(cspErrors).toEqual([]);
    await visitor.close();
  });
});
