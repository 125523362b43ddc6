import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  viewer = (await t.signIn('viewer')).cookie;
});
afterAll(() => t.close());

describe('partners API', () => {
  it('creates a country partner with names from the ISO list', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code: 'by' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'BY', nameEn: 'Belarus', version: 1 });
  });

  it('refuses a country code that is not ISO 3166-1', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code: 'XQ' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain('XQ');
  });

  it('refuses unknown fields with the field named', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload: { kind: 'country', code: 'RU', colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('colour');
  });

  it('refuses a second partner with the same code', async () => {
    const payload = {
      kind: 'organisation',
      code: 'WHO',
      nameVi: 'Tổ chức Y tế Thế giới',
      nameEn: 'World Health Organization',
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: editor },
      payload,
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(409);
  });

  it('lets a viewer read but not write', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: { cookie: viewer } });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: viewer },
      payload: { kind: 'country', code: 'JP' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('refuses anonymous reads of the workspace API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/partners' });
    expect(response.statusCode).toBe(401);
  });
});
