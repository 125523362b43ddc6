import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { users } from './users.table.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: '5' });
  await t.services.users.create(
    { email: 'officer@moh.gov.vn', password: 'mật khẩu dài', role: 'editor' },
    { userId: null, email: 'test' },
  );
});
afterAll(() => t.close());

const login = (email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: `10.0.0.${email.length}`,
  });

describe('sign-in', () => {
  it('stores the password as an argon2id hash', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.email, 'officer@moh.gov.vn'));
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('signs in, sets an httpOnly SameSite=Lax cookie, and signs out', async () => {
    const response = await login('Officer@moh.gov.vn', 'mật khẩu dài');
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0]!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({ email: 'officer@moh.gov.vn', role: 'editor' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session } });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const unknown = await login('nobody@moh.gov.vn', 'whatever-password');
    const wrong = await login('officer@moh.gov.vn', 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('rate-limits repeated attempts with 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await login('brute@force.example', 'guess-guess')).statusCode);
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('lets only admins manage accounts', async () => {
    const admin = await t.signIn('admin');
    const editor = await t.signIn('editor');
    const byEditor = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: editor.cookie },
    });
    expect(byEditor.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { email: 'viewer@moh.gov.vn', password: 'long enough', role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { email: 'VIEWER@moh.gov.vn', password: 'long enough', role: 'viewer' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('refuses a disabled account at once, even with a live session', async () => {
    const admin = await t.signIn('admin');
    const viewer = await t.signIn('viewer');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: viewer.cookie } }))
        .statusCode,
    ).toBe(200);
    const account = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${viewer.userId}`,
      headers: { cookie: admin.cookie },
    });
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewer.userId}`,
      headers: { cookie: admin.cookie },
      payload: { version: account.json().version, isActive: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: viewer.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('requires an organisation for a unit account', async () => {
    const admin = await t.signIn('admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload: { email: 'unit@moh.gov.vn', password: 'long enough', role: 'unit' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.organisationId');
  });
});
