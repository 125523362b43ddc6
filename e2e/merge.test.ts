import type { Browser, BrowserContext, Page } from 'playwright-core';
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

type Named = { id: string; name: string };

describe('merging two spellings of one ambassador', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function person(name: string): Promise<Named | undefined> {
    const response = await context.request.get(`/api/v1/people?q=${encodeURIComponent(name)}`);
    const items = (await response.json()).items as Named[];
    return items.find((item) => item.name === name);
  }

  async function eventTitles(personId: string): Promise<string[]> {
    const response = await context.request.get(`/api/v1/events?personId=${personId}&pageSize=50`);
    return ((await response.json()).items as { title: string }[]).map((event) => event.title).sort();
  }

  it('merges Borovikov into Baravikou, shows the events of both on one person, then restores the two', async () => {
    const baravikou = (await person('Uladzimir Baravikou'))!;
    const borovikov = (await person('Vladimir Borovikov'))!;
    const both = [...(await eventTitles(baravikou.id)), ...(await eventTitles(borovikov.id))].sort();
    expect(both.length).toBeGreaterThanOrEqual(2);

    await page.goto(`${server.baseUrl}/app/duplicates`);
    const pair = page
      .getByRole('listitem')
      .filter({ hasText: 'Uladzimir Baravikou' })
      .filter({ hasText: 'Vladimir Borovikov' });
    await pair.getByRole('button', { name: 'So sánh và gộp' }).click();
    await page.getByRole('radio', { name: 'Giữ Uladzimir Baravikou' }).check();
    await page.getByRole('button', { name: 'Gộp vào bản ghi được giữ' }).click();
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    await page.getByRole('button', { name: 'Hoàn tác' }).first().waitFor();

    await page.goto(`${server.baseUrl}/app/people/${baravikou.id}`);
    const events = page.getByRole('list', { name: 'Sự kiện liên quan' });
    for (const title of both) await events.getByRole('link', { name: title }).waitFor();
    expect(await events.getByRole('listitem').count()).toBe(both.length);
    expect(await person('Vladimir Borovikov')).toBeUndefined();
    await saveScreenshot(page, 'merge-one-person');

    await page.goto(`${server.baseUrl}/app/duplicates`);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Vladimir Borovikov' })
      .getByRole('button', { name: 'Hoàn tác' })
      .click();
    await page.getByText('(đã hoàn tác)').waitFor();
    expect((await person('Vladimir Borovikov'))?.id).toBe(borovikov.id);
    expect([...(await eventTitles(baravikou.id)), ...(await eventTitles(borovikov.id))].sort()).toEqual(both);
    await page.goto(`${server.baseUrl}/app/people/${borovikov.id}`);
    await page.getByRole('heading', { level: 1, name: 'Vladimir Borovikov' }).waitFor();
  });
});
