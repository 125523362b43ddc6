import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { apiDocsPolicy } from './security-headers.ts';

let t: TestApp;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_TRUST_PROXY: '1' });
  viewer = (await t.signIn('viewer')).cookie;
});
afterAll(() => t.close());

describe('security headers', () => {
  it('forbids caching of what a signed-in user reads, and of refusals', async () => {
    for (const headers of [{ cookie: viewer }, {}]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/agreements', headers });
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: viewer } });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('leaves the public portal cacheable', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/news' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBeUndefined();
  });

  it('asks for HTTPS from then on only when the request came over HTTPS', async () => {
    const overHttps = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const overHttp = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    expect(overHttp.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives the API docs their own policy, which still allows no inline script', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-security-policy']).toBe(apiDocsPolicy);
    expect(apiDocsPolicy).toContain("script-src 'self';");
  });
});
