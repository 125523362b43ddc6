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

type Person = { id: string; name: string; aliases: string[] };

describe('merging people chosen on the people list', () => {
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

  const names = ['Zyxquorn Petrova', 'Zyxquorn Petrova Anna', 'Anna Zyxquorn'];

  async function create(name: string): Promise<Person> {
    const response = await context.request.post('/api/v1/people', { data: { name } });
    expect(response.status()).toBe(201);
    return (await response.json()) as Person;
  }

  it('selects three people, merges them into one, and shows the others’ names as aliases', async () => {
    const people = [];
    for (const name of names) people.push(await create(name));
    const [survivor, ...others] = people as [Person, Person, Person];

    await page.goto(`${server.baseUrl}/app/people?q=Zyxquorn`);
    // Nothing ticked: the merge cannot start.
    await page.getByTestId('merge-selection').getByRole('button', { name: 'Gộp…' }).waitFor();
    for (const name of names) await page.getByRole('checkbox', { name: `Chọn ${name}`, exact: true }).check();
    await page.getByText('Đã chọn 3 bản ghi').waitFor();
    await page.getByRole('link', { name: 'Gộp…' }).click();

    // The three side by side, one column each.
    const panel = page.getByRole('region', { name: 'So sánh các bản ghi' });
    for (const name of names) await panel.getByRole('radio', { name: `Giữ ${name}`, exact: true }).waitFor();
    expect(await panel.getByRole('radio').count()).toBe(3);
    await panel.getByRole('radio', { name: `Giữ ${survivor.name}`, exact: true }).check();
    await panel.getByRole('button', { name: 'Gộp vào bản ghi được giữ' }).click();
    await saveScreenshot(page, 'merge-chosen-three');
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();

    await page.waitForURL(`**/app/people/${survivor.id}`);
    await page.getByRole('heading', { level: 1, name: survivor.name }).waitFor();
    for (const other of others) await page.getByText(other.name, { exact: false }).first().waitFor();

    const after = (await (await context.request.get(`/api/v1/people/${survivor.id}`)).json()) as Person;
    expect(after.aliases).toEqual(expect.arrayContaining(others.map((other) => other.name)));
    const listed = (await (await context.request.get('/api/v1/people?q=Zyxquorn')).json()) as {
      items: Person[];
    };
    expect(listed.items.map((item) => item.id)).toEqual([survivor.id]);

    // "Merge with…" on the survivor's page opens the same screen with the survivor chosen.
    await page.getByTestId('merge-with').click();
    await page.waitForURL(`**/app/people/merge?ids=${survivor.id}`);
    await page.getByRole('radio', { name: `Giữ ${survivor.name}`, exact: true }).waitFor();
    await page.getByText('Chọn ít nhất hai bản ghi để gộp.').waitFor();
  });

  it('merges an organisation with another picked from its page’s “Merge with…”', async () => {
    const created = [];
    for (const nameVi of ['Bệnh viện Qwertzuv', 'BV Qwertzuv']) {
      const response = await context.request.post('/api/v1/organisations', {
        data: { nameVi, kind: 'hospital' },
      });
      expect(response.status()).toBe(201);
      created.push((await response.json()) as { id: string; nameVi: string; aliases: string[] });
    }
    const [kept, merged] = created as [(typeof created)[number], (typeof created)[number]];

    await page.goto(`${server.baseUrl}/app/organisations/${kept.id}`);
    await page.getByTestId('merge-with').click();
    const picker = page.getByRole('combobox', { name: 'Các bản ghi cần gộp' });
    await picker.focus();
    await page.keyboard.type('BV Qwertzuv');
    await page.getByRole('option', { name: 'BV Qwertzuv' }).waitFor();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'So sánh các bản ghi' });
    await panel.getByRole('radio', { name: `Giữ ${merged.nameVi}`, exact: true }).waitFor();
    await panel.getByRole('radio', { name: `Giữ ${kept.nameVi}`, exact: true }).check();
    await panel.getByRole('button', { name: 'Gộp vào bản ghi được giữ' }).click();
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();

    await page.waitForURL(`**/app/organisations/${kept.id}`);
    const after = (await (await context.request.get(`/api/v1/organisations/${kept.id}`)).json()) as {
      aliases: string[];
    };
    expect(after.aliases).toContain(merged.nameVi);
  });
});
