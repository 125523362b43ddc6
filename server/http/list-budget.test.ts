import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { fitToByteBudget, stringifyWithinBudget } from './list-budget.ts';

describe('list byte budget', () => {
  const items = Array.from({ length: 10 }, (_, index) => ({ id: index, text: 'x'.repeat(90) }));

  it('leaves a page that fits as it is, saying so', () => {
    const page = { items, total: 10, page: 1, pageSize: 10 };
    expect(fitToByteBudget(page, 10_000)).toEqual({ ...page, isTruncated: false });
  });

  it('cuts a page past the budget at a page boundary the client can ask for', () => {
    // About 110 bytes an item: three fit in 400 bytes.
    const first = fitToByteBudget({ items, total: 50, page: 1, pageSize: 10 }, 400);
    expect(first.items).toHaveLength(3);
    expect(first).toMatchObject({ isTruncated: true, next: { page: 2, pageSize: 3 } });
    // Page 2 of 10 starts at item 10: of the three that fit, only a size dividing 10 keeps the
    // rest on a page boundary, so two come and the rest starts at page 7 of 2 (item 12).
    const second = fitToByteBudget({ items, total: 50, page: 2, pageSize: 10 }, 400);
    expect(second.items).toHaveLength(2);
    expect(second).toMatchObject({ next: { page: 7, pageSize: 2 } });
  });

  it('stringifies each item once into the same page the budget keeps', () => {
    for (const [page, limit] of [
      [1, 10_000],
      [1, 400],
      [2, 400],
      [1, 10],
    ] as const) {
      const list = { items, total: 50, page, pageSize: 10 };
      expect(JSON.parse(stringifyWithinBudget(list, limit))).toEqual(fitToByteBudget(list, limit));
    }
  });

  it('always sends one item, so a record larger than the budget can still be read', () => {
    const cut = fitToByteBudget({ items, total: 10, page: 1, pageSize: 10 }, 10);
    expect(cut.items).toHaveLength(1);
    expect(cut).toMatchObject({ next: { page: 2, pageSize: 1 } });
  });
});

describe('list responses', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    t = await createTestApp({ HOPTAC_LIST_BYTE_LIMIT: String(64 * 1024) });
    editor = (await t.signIn('editor')).cookie;
  });
  afterAll(() => t.close());

  it('cuts a list of large records to the budget, and following `next` reads every record once', async () => {
    const created: string[] = [];
    for (let index = 0; index < 6; index++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/agreements',
        headers: { cookie: editor },
        // 20,000 characters of three bytes each: 60 kB a record.
        payload: {
          kind: 'mou',
          titleVi: `Bản ghi nhớ ${index}`,
          status: 'signed',
          summary: 'ạ'.repeat(20_000),
        },
      });
      expect(response.statusCode).toBe(201);
      created.push(response.json().id);
    }
    const seen: string[] = [];
    let query = { page: 1, pageSize: 6 };
    let total = Number.POSITIVE_INFINITY;
    while (seen.length < total) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/agreements?page=${query.page}&pageSize=${query.pageSize}&sort=titleVi`,
        headers: { cookie: editor },
      });
      expect(response.body.length).toBeLessThan(2 * 64 * 1024);
      const page = response.json();
      total = page.total;
      seen.push(...page.items.map((item: { id: string }) => item.id));
      // A cut page says where its rest starts; after it, paging goes on at that size.
      query = page.isTruncated ? page.next : { page: query.page + 1, pageSize: query.pageSize };
    }
    expect(seen).toEqual(created);
  });
});
