import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';

// U+0000 cannot be stored in PostgreSQL text; every route refuses it with a 400 that names the
// field, before anything reaches the database.

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

function expectNulRefused(response: { statusCode: number; json(): unknown }, field: string) {
  expect(response.statusCode).toBe(400);
  const problem = response.json() as { code: string; errors: { path: string; message: string }[] };
  expect(problem.code).toBe('validation.failed');
  expect(problem.errors).toEqual([{ path: field, message: 'must not contain the NUL character (U+0000)' }]);
}

describe('text with a NUL character', () => {
  it('is refused at sign-in, for anyone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin\u0000@localhost', password: 'x' },
    });
    expectNulRefused(response, 'body.email');
  });

  it('is refused in a nested field of a record', async () => {
    const source = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: editor },
      payload: { text: 'Bài báo về hợp tác y tế.' },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sources/${source.json().id}/accept`,
      headers: { cookie: editor },
      payload: { version: 1, participants: [{ name: 'Nguyễn\u0000Văn A' }] },
    });
    expectNulRefused(response, 'body.participants.0.name');
  });

  it('is refused in the query string', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=b%00y',
      headers: { cookie: editor },
    });
    expectNulRefused(response, 'querystring.q');
  });

  it('is refused in a text field of an upload', async () => {
    const boundary = 'nulboundary';
    const payload = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="title"',
      '',
      'Tiêu\u0000đề',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="bai.txt"',
      'Content-Type: text/plain',
      '',
      'Bài báo về hợp tác y tế giữa Việt Nam và Lào.',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: { cookie: editor, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expectNulRefused(response, 'body.title');
  });
});
