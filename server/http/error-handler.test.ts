import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_BODY_LIMIT: '65536' });
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

describe('bad requests', () => {
  it('answers an oversized body with 413 and a readable message', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: editor, 'content-type': 'application/json' },
      payload: JSON.stringify({ nameVi: 'x'.repeat(100_000), kind: 'ministry' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().detail).toMatch(/larger than the server accepts/);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: editor, 'content-type': 'application/json' },
      payload: '{"nameVi": "Bộ Y tế", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: editor, 'content-type': 'application/xml' },
      payload: '<organisation/>',
    });
    expect(response.statusCode).toBe(415);
  });

  it('answers an unknown route and a malformed id with 4xx problems', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { cookie: editor } }))
        .statusCode,
    ).toBe(404);
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people/123',
      headers: { cookie: editor },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().detail).toContain('id');
  });

  it('refuses query parameters it does not know', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/events?colour=red',
      headers: { cookie: editor },
    });
    expect(response.statusCode).toBe(400);
  });

  it('refuses a page size over the limit', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/events?pageSize=100000',
      headers: { cookie: editor },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toContain('pageSize');
  });
});

describe('service endpoints', () => {
  it('reports health with the database kind', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', db: t.database.kind });
  });

  it('publishes an OpenAPI document covering every collection', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(response.json().paths);
    for (const collection of [
      'partners',
      'organisations',
      'people',
      'agreements',
      'events',
      'commitments',
      'areas',
      'sources',
      'audit',
    ]) {
      expect(paths).toContain(`/api/v1/${collection}`);
    }
    expect(paths).toContain('/api/v1/auth/login');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });
});
