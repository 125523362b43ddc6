import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  findSeriousViolations,
  launchBrowser,
  newContext,
  type RunningServer,
  refuseNextSave,
  saveScreenshot,
  signIn,
  startServer,
} from './harness.ts';

describe('editing a record', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let agreementPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(page, adminEmail, adminPassword);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists agreements with filters, sorting and paging', async () => {
    await page.goto('/app/agreements');
    await page.locator('.data-table tbody tr').first().waitFor();
    await page.getByRole('button', { name: /Ngày ký/ }).click();
    await page.waitForURL(/sort=signedOn/);
    await page.locator('.data-table tbody tr').first().waitFor();
    await saveScreenshot(page, 'agreements');
    expect(await findSeriousViolations(page)).toEqual([]);
    // The Belarus MoU: the later tests read the signing event that names it as its outcome.
    await page.locator('.data-table tbody tr a', { hasText: 'Belarus' }).first().click();
    await page.waitForURL(/\/app\/agreements\/[\w-]+$/);
    agreementPath = new URL(page.url()).pathname;
  });

  it('shows the server’s validation message next to the field', async () => {
    await page.getByTestId('edit-record').click();
    await page.getByLabel('Tên tiếng Việt').fill('');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const field = page.locator('.field-invalid', { has: page.getByLabel('Tên tiếng Việt') });
    await field.locator('.field-error').waitFor();
    await saveScreenshot(page, 'agreement-validation');
  });

  it('explains a conflicting edit and keeps what the user typed', async () => {
    const id = agreementPath.split('/').at(-1);
    const current = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      version: number;
    };
    const concurrent = await page.request.patch(`/api/v1/agreements/${id}`, {
      data: { version: current.version, renewalNote: 'Changed by a colleague' },
    });
    expect(concurrent.status()).toBe(200);

    const typed = 'Bản ghi nhớ hợp tác y tế (đã sửa)';
    await page.getByLabel('Tên tiếng Việt').fill(typed);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByLabel('Tên tiếng Việt').inputValue()).toBe(typed);
    await saveScreenshot(page, 'agreement-conflict');

    await page.getByRole('button', { name: /Tải phiên bản mới nhất/ }).click();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: typed }).waitFor();
    const saved = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      renewalNote: string;
    };
    expect(saved.renewalNote).toBe('Changed by a colleague');
  });

  it('records the date of a status change typed in the form', async () => {
    const id = agreementPath.split('/').at(-1);
    await page.goto(agreementPath);
    await page.getByTestId('edit-record').click();
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('in_force');
    await page.getByLabel('Ngày chuyển trạng thái').fill('2025-01-15');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('edit-record').waitFor();
    const saved = (await (await page.request.get(`/api/v1/agreements/${id}`)).json()) as {
      status: string;
      statusHistory: Array<{ status: string; on: string }>;
    };
    expect(saved.status).toBe('in_force');
    expect(saved.statusHistory.at(-1)).toMatchObject({ status: 'in_force', on: '2025-01-15' });
  });

  it('shows the server’s message about the status date next to that field', async () => {
    const id = agreementPath.split('/').at(-1);
    await page.getByTestId('edit-record').click();
    // A date box only yields real dates, so the server's refusal is played back here.
    await refuseNextSave(
      page,
      `**/api/v1/agreements/${id}`,
      'body.statusChangedOn',
      'is not a real calendar date',
    );
    await page.getByLabel('Trạng thái', { exact: true }).selectOption('expired');
    await page.getByLabel('Ngày chuyển trạng thái').fill('2026-01-01');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const field = page.locator('.field-invalid', { has: page.getByLabel('Ngày chuyển trạng thái') });
    await field.getByText('is not a real calendar date').waitFor();
    await page.unroute(`**/api/v1/agreements/${id}`);
    await page.getByRole('button', { name: 'Hủy' }).click();
  });

  it('names an event’s linked agreement and source, asking once per collection', async () => {
    const events = (await (await page.request.get('/api/v1/events?q=Lễ ký Belarus')).json()) as {
      items: Array<{ id: string; agreementIds: string[]; sourceIds: string[] }>;
    };
    const event = events.items[0];
    const agreement = (await (
      await page.request.get(`/api/v1/agreements/${event?.agreementIds[0]}`)
    ).json()) as { titleVi: string };
    const source = (await (await page.request.get(`/api/v1/sources/${event?.sourceIds[0]}`)).json()) as {
      title: string;
    };
    const asked: string[] = [];
    const record = (request: { url: () => string }) =>
      asked.push(new URL(request.url()).pathname + new URL(request.url()).search);
    page.on('request', record);
    await page.goto(`/app/events/${event?.id}`);
    await page.getByRole('link', { name: agreement.titleVi }).waitFor();
    await page.getByRole('link', { name: source.title }).waitFor();
    page.off('request', record);
    const named = (kind: string) => asked.filter((url) => url.startsWith(`/api/v1/${kind}`));
    expect(named('agreements')).toEqual([expect.stringMatching(/^\/api\/v1\/agreements\?ids=/)]);
    expect(named('sources')).toEqual([expect.stringMatching(/^\/api\/v1\/sources\?ids=/)]);
  });

  it('lists on an agreement the events that name it as their outcome', async () => {
    await page.goto(agreementPath);
    const events = page.locator('section', { has: page.getByRole('heading', { name: 'Sự kiện liên quan' }) });
    await events.getByRole('link', { name: 'Lễ ký Bản ghi nhớ hợp tác y tế Việt Nam – Belarus' }).waitFor();
  });

  it('shows a linked agreement’s new name right after it is renamed', async () => {
    const eventName = 'Lễ ký Bản ghi nhớ hợp tác y tế Việt Nam – Belarus';
    const related = page.locator('section', {
      has: page.getByRole('heading', { name: 'Sự kiện liên quan' }),
    });
    await related.getByRole('link', { name: eventName }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: eventName }).waitFor();
    const agreementLink = page.locator(`a[href="${agreementPath}"]`);
    await agreementLink.waitFor();
    // In-app navigation keeps the names already fetched; the rename must not leave them stale.
    await agreementLink.click();
    await page.getByTestId('edit-record').click();
    const renamed = 'Bản ghi nhớ Việt Nam – Belarus (tên mới)';
    await page.getByLabel('Tên tiếng Việt').fill(renamed);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await related.getByRole('link', { name: eventName }).click();
    await heading.filter({ hasText: eventName }).waitFor();
    await page.getByRole('link', { name: renamed }).waitFor();
  });

  it('edits an event’s connection points one per line, with the server’s message on the wrong line', async () => {
    const events = (await (await page.request.get('/api/v1/events?q=Lễ ký Belarus')).json()) as {
      items: Array<{ id: string; connectionPoints: string[] }>;
    };
    const event = events.items[0];
    expect(event?.connectionPoints).toHaveLength(3);
    await page.goto(`/app/events/${event?.id}`);
    await page.getByTestId('edit-record').click();
    const points = page.getByLabel('Các điểm cầu');
    expect(await points.inputValue()).toBe(event?.connectionPoints.join('\n'));

    // The fourth point is over the server's 300-character limit; the blank line is not an item.
    await points.fill(`${event?.connectionPoints.join('\n')}\n\n${'Bệnh viện '.repeat(31)}`);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const field = page.locator('.field-invalid', { has: page.getByLabel('Các điểm cầu') });
    await field.locator('.field-error', { hasText: /^Dòng 5: / }).waitFor();
    await saveScreenshot(page, 'event-connection-points-error');

    await points.fill(`${event?.connectionPoints.join('\n')}\nBệnh viện Bạch Mai`);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('edit-record').waitFor();
    const saved = (await (await page.request.get(`/api/v1/events/${event?.id}`)).json()) as {
      connectionPoints: string[];
    };
    expect(saved.connectionPoints).toEqual([...(event?.connectionPoints ?? []), 'Bệnh viện Bạch Mai']);
    await page.getByText('Bộ Y tế Cộng hòa Belarus; Bệnh viện Bạch Mai').waitFor();
  });
});
