import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../common/domain/limits.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let admin: string;

// Three new records per collection, made through the API; the `ids` filter lives once in the
// record layer, so every collection that lists through it must honour it.
const makers: Record<string, (n: number) => Record<string, unknown>> = {
  partners: (n) => ({
    kind: 'organisation',
    code: `IDS${n}`,
    nameVi: `Đối tác ${n}`,
    nameEn: `Partner ${n}`,
  }),
  organisations: (n) => ({ nameVi: `Cơ quan ${n}`, kind: 'hospital' }),
  people: (n) => ({ name: `Người ${n}` }),
  agreements: (n) => ({ kind: 'mou', titleVi: `Thỏa thuận ${n}`, status: 'signed' }),
  events: (n) => ({ kind: 'talks', title: `Hội đàm ${n}` }),
  commitments: (n) => ({ text: `Cam kết ${n}` }),
  sources: (n) => ({ text: `Bài báo số ${n} về hợp tác y tế.`, title: `Bài ${n}` }),
  users: (n) => ({ email: `ids${n}@test.local`, password: 'correct horse battery', role: 'viewer' }),
};
const created: Record<string, string[]> = {};

async function list(url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('admin')).cookie;
  for (const [collection, make] of Object.entries(makers)) {
    created[collection] = [];
    for (const n of [1, 2, 3]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/${collection}`,
        headers: { cookie: admin },
        payload: make(n),
      });
      expect(response.statusCode, `${collection}: ${response.body}`).toBe(201);
      created[collection]?.push(response.json().id);
    }
  }
});
afterAll(() => t.close());

describe('listing records by id', () => {
  it.each(Object.keys(makers))('lists only the %s named in ?ids=', async (collection) => {
    const [first, , third] = created[collection] ?? [];
    const { status, body } = await list(`/api/v1/${collection}?ids=${first},${third}&pageSize=200`);
    expect(status).toBe(200);
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual([first, third].sort());
    expect(body.total).toBe(2);
  });

  it('takes the ids repeated as well as comma-separated, and lists a record named twice once', async () => {
    const [first, second] = created.events ?? [];
    const { body } = await list(`/api/v1/events?ids=${first}&ids=${second}&ids=${first}`);
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual([first, second].sort());
  });

  it('narrows the other filters, and they narrow it', async () => {
    const [first, second] = created.agreements ?? [];
    const query = encodeURIComponent('Thỏa thuận 2');
    const both = await list(`/api/v1/agreements?ids=${first},${second}&q=${query}`);
    expect(both.body.items.map((item: { id: string }) => item.id)).toEqual([second]);
    const neither = await list(`/api/v1/agreements?ids=${first}&q=${query}`);
    expect(neither.body.total).toBe(0);
  });

  it('pages through the named records like any list', async () => {
    const [first, second] = created.people ?? [];
    const { body } = await list(`/api/v1/people?ids=${first},${second}&pageSize=1&sort=name`);
    expect(body.items).toHaveLength(1);
    expect(body.total).toBe(2);
  });

  it('answers an id that names no record with nothing for it', async () => {
    const [first] = created.commitments ?? [];
    const missing = '00000000-0000-4000-8000-000000000000';
    const { status, body } = await list(`/api/v1/commitments?ids=${first},${missing}`);
    expect(status).toBe(200);
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([first]);
  });

  it('takes area ids, which are words rather than UUIDs', async () => {
    const { status, body } = await list('/api/v1/areas?ids=oncology,pharmaceuticals');
    expect(status).toBe(200);
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual(['oncology', 'pharmaceuticals']);
  });

  it('refuses an id that is not a record id, naming its place in the list', async () => {
    const [first] = created.events ?? [];
    const { status, body } = await list(`/api/v1/events?ids=${first},not-an-id`);
    expect(status).toBe(400);
    expect(body.code).toBe('validation.failed');
    expect(body.errors).toEqual([{ path: 'querystring.ids.1', message: 'must be a record id (UUID)' }]);
    expect(body.detail).toContain('querystring.ids.1: must be a record id (UUID)');
  });

  it('refuses more ids than one page holds', async () => {
    const many = Array.from(
      { length: limits.listIdsMax + 1 },
      (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    );
    const { status, body } = await list(`/api/v1/partners?ids=${many.join(',')}`);
    expect(status).toBe(400);
    expect(body.errors[0].path).toBe('querystring.ids');
    expect(body.detail).toContain(`at most ${limits.listIdsMax} ids`);
  });

  it('refuses an empty list of ids rather than answering with every record', async () => {
    const { status, body } = await list('/api/v1/agreements?ids=,');
    expect(status).toBe(400);
    expect(body.detail).toContain('querystring.ids: must list at least one id');
  });

  it('documents the ids parameter in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const parameters = response.json().paths['/api/v1/agreements'].get.parameters as Array<{
      name: string;
      in: string;
      description?: string;
    }>;
    const ids = parameters.find((parameter) => parameter.name === 'ids');
    expect(ids).toMatchObject({ in: 'query' });
    expect(ids?.description).toContain('comma-separated or repeated');
  });
});

describe('a list opened without filters (its statement prepared once per sort and order)', () => {
  it('answers every sort, order and page as the same list narrowed to its ids does', async () => {
    const ids = created.agreements ?? [];
    for (const sort of ['titleVi', 'signedOn', 'updatedAt']) {
      for (const order of ['asc', 'desc']) {
        // Twice each, so the second read comes from the prepared statement.
        for (const round of [1, 2]) {
          const all = await list(`/api/v1/agreements?sort=${sort}&order=${order}&pageSize=200`);
          const named = await list(
            `/api/v1/agreements?sort=${sort}&order=${order}&pageSize=200&ids=${ids.join(',')}`,
          );
          const listed = all.body.items.map((item: { id: string }) => item.id);
          expect(listed, `${sort} ${order} round ${round}`).toEqual(
            named.body.items.map((item: { id: string }) => item.id),
          );
          expect(all.body.total).toBe(3);
          const second = await list(`/api/v1/agreements?sort=${sort}&order=${order}&pageSize=2&page=2`);
          expect(second.body.items.map((item: { id: string }) => item.id)).toEqual(listed.slice(2));
          expect(second.body.total).toBe(3);
        }
      }
    }
  });
});
