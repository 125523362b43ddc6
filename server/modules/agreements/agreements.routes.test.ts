import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let viewer: string;
let belarusId: string;
let vietnamId: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  viewer = (await t.signIn('viewer')).cookie;
  for (const code of ['BY', 'VN']) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code },
    });
    if (code === 'BY') belarusId = response.json().id;
    else vietnamId = response.json().id;
  }
});
afterAll(() => t.close());

function createMou(overrides: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/agreements',
    headers: { cookie: editor },
    payload: {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ hợp tác y tế Việt Nam – Belarus',
      status: 'signed',
      signedOn: '2024-10-08',
      partyIds: [vietnamId, belarusId],
      ...overrides,
    },
  });
}

async function auditCount(recordId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/audit?recordId=${recordId}`,
    headers: { cookie: editor },
  });
  return response.json().total as number;
}

describe('agreements API', () => {
  it('creates an agreement, records its first status with the signing date, and audits it', async () => {
    const response = await createMou();
    expect(response.statusCode).toBe(201);
    const agreement = response.json();
    expect(agreement).toMatchObject({
      kind: 'mou',
      status: 'signed',
      version: 1,
      statusHistory: [{ status: 'signed', on: '2024-10-08' }],
    });
    expect(await auditCount(agreement.id)).toBe(1);
  });

  it('refuses an update with a stale version with 409 and changes nothing', async () => {
    const agreement = (await createMou()).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
      payload: { version: 1, status: 'in_force', validFrom: '2024-10-08' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    expect(first.json().statusHistory.map((change: { status: string }) => change.status)).toEqual([
      'signed',
      'in_force',
    ]);

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
      payload: { version: 1, titleVi: 'Tiêu đề khác' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version.conflict');

    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: viewer },
    });
    expect(after.json()).toMatchObject({ version: 2, titleVi: agreement.titleVi, status: 'in_force' });
    expect(await auditCount(agreement.id)).toBe(2);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const agreement = (await createMou()).json();
    const edit = (title: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/agreements/${agreement.id}`,
        headers: { cookie: editor },
        payload: { version: 1, titleVi: title },
      });
    const results = await Promise.all([edit('A'), edit('B')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await auditCount(agreement.id)).toBe(2);
  });

  it('refuses invalid input with the field named, never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ signedOn: '2024-02-30' }, 'signedOn'],
      [{ signedOn: '08/10/2024' }, 'signedOn'],
      [{ kind: 'treaty-ish' }, 'kind'],
      [{ partyIds: ['not-a-uuid'] }, 'partyIds'],
      [{ titleVi: 42 }, 'titleVi'],
      [{ validFrom: '2025-01-01', validTo: '2024-01-01' }, 'validTo'],
      [{ surprise: true }, 'surprise'],
    ];
    for (const [overrides, field] of cases) {
      const response = await createMou(overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toContain(field);
    }
  });

  it('refuses an edit that sends only one date but would end the agreement before it starts', async () => {
    const agreement = (await createMou({ validFrom: '2025-01-01' })).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
      payload: { version: 1, validTo: '2024-12-31' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.validTo');
  });

  it('refuses references to partners that do not exist with 422', async () => {
    const response = await createMou({ partyIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].path).toBe('body.partyIds');
  });

  it('refuses an unknown area with 422', async () => {
    const response = await createMou({ areaIds: ['astrology'] });
    expect(response.statusCode).toBe(422);
  });

  it('filters by partner, status and signing date, and pages', async () => {
    await createMou({ status: 'proposed', signedOn: null, titleVi: 'Đề xuất hợp tác ung thư' });
    const byPartner = await t.app.inject({
      method: 'GET',
      url: `/api/v1/agreements?partnerId=${belarusId}&status=proposed`,
      headers: { cookie: viewer },
    });
    expect(byPartner.json().items.map((a: { titleVi: string }) => a.titleVi)).toEqual([
      'Đề xuất hợp tác ung thư',
    ]);
    const byDate = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agreements?from=2024-01-01&to=2024-12-31&pageSize=2&page=1',
      headers: { cookie: viewer },
    });
    expect(byDate.json().items).toHaveLength(2);
    expect(byDate.json().total).toBeGreaterThan(2);
    const text = await t.app.inject({
      method: 'GET',
      url: '/api/v1/agreements?q=ung%20thu',
      headers: { cookie: viewer },
    });
    expect(text.json().total).toBe(1);
  });

  it('deletes only with the current version and keeps the trail', async () => {
    const agreement = (await createMou()).json();
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/agreements/${agreement.id}?version=7`,
      headers: { cookie: editor },
    });
    expect(stale.statusCode).toBe(409);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/agreements/${agreement.id}?version=1`,
      headers: { cookie: editor },
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/v1/agreements/${agreement.id}`,
      headers: { cookie: editor },
    });
    expect(gone.statusCode).toBe(404);
    expect(await auditCount(agreement.id)).toBe(2);
  });

  it('refuses writes from a viewer and reads from an anonymous caller', async () => {
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: { cookie: viewer },
      payload: { kind: 'mou', titleVi: 'x', status: 'proposed' },
    });
    expect(write.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/agreements' });
    expect(anonymous.statusCode).toBe(401);
  });
});
