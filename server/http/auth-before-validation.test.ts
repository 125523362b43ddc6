import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp();
  viewer = (await t.signIn('viewer')).cookie;
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Every signed-in route the API documents, with its path parameters filled by a malformed id:
 * a route added later is covered without touching this test. */
async function listProtectedRoutes(): Promise<{ method: Method; url: string }[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const open = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase() as Method,
        url: `${path.replace(/\{[^}]+\}/g, 'not-an-id')}?unknownField=1`,
      })),
    )
    .filter((route) => !open.has(`${route.method} ${route.url.split('?')[0]}`));
}

describe('authentication comes before validation', () => {
  it('answers an anonymous caller 401 on every signed-in route, whatever the request holds', async () => {
    const routes = await listProtectedRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const response = await t.app.inject({
        ...route,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: { unknownField: 1 } }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().errors, `${route.method} ${route.url}`).toBeUndefined();
    }
  });

  it('answers a signed-in user without the role 403 before looking at the body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { cookie: viewer },
      payload: { nameVi: '', kind: 'not-a-kind' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().errors).toBeUndefined();
    expect(response.json().detail).not.toMatch(/nameVi|kind/);
  });
});
