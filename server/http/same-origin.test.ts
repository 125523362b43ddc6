import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_PUBLIC_URL: 'https://hoptac.example.vn' });
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

const host = '127.0.0.1:3000';

/** What a plain <form enctype="multipart/form-data"> posts: no script, no preflight. */
function postArticleForm(headers: Record<string, string>) {
  const boundary = '----form';
  const text = 'Bộ Y tế Việt Nam và Bộ Y tế Belarus ký biên bản ghi nhớ hợp tác y tế.';
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/sources',
    headers: {
      host,
      cookie: editor,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...headers,
    },
    // The same article each time: registering it again is meant.
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="allowDuplicate"\r\n\r\ntrue\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  });
}

async function countSources(): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { cookie: editor } });
  return response.json().total;
}

describe('requests from another origin', () => {
  it('refuses a form posted from a page on a sibling port, and stores nothing', async () => {
    const before = await countSources();
    const response = await postArticleForm({ origin: 'http://127.0.0.1:5173' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('request.cross_site');
    expect(response.json().detail).toContain('The request came from another site (http://127.0.0.1:5173)');
    expect(response.json().detail).toContain('Yêu cầu đến từ một trang khác');
    expect(await countSources()).toBe(before);
  });

  it('refuses by Referer when a browser sent no Origin, and an opaque origin', async () => {
    expect((await postArticleForm({ referer: 'http://evil.example/page' })).statusCode).toBe(403);
    expect((await postArticleForm({ origin: 'null' })).statusCode).toBe(403);
  });

  it('refuses every state-changing method, sign-in included', async () => {
    const origin = 'http://evil.example';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host, origin },
      payload: { email: 'attacker@test.local', password: 'whatever-password' },
    });
    expect(login.statusCode).toBe(403);
    for (const method of ['PATCH', 'DELETE'] as const) {
      const response = await t.app.inject({
        method,
        url: '/api/v1/people/00000000-0000-4000-8000-000000000000?version=1',
        headers: { host, origin, cookie: editor },
        payload: method === 'PATCH' ? { version: 1 } : undefined,
      });
      expect(response.statusCode, method).toBe(403);
    }
  });

  it('accepts the server’s own origin, the configured public address and clients that name none', async () => {
    expect((await postArticleForm({ origin: `http://${host}` })).statusCode).toBe(201);
    expect((await postArticleForm({ referer: `http://${host}/app/inbox` })).statusCode).toBe(201);
    expect((await postArticleForm({ origin: 'https://hoptac.example.vn' })).statusCode).toBe(201);
    expect((await postArticleForm({})).statusCode).toBe(201);
  });

  it('leaves reads alone', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sources',
      headers: { host, origin: 'http://evil.example', cookie: editor },
    });
    expect(response.statusCode).toBe(200);
  });
});
