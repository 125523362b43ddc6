import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../http/auth.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { sessions } from './users.table.ts';

const password = 'a long right password';
const newPassword = 'another long password';

let t: TestApp;
let accounts = 0;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function createAccount(role: 'admin' | 'editor' = 'editor') {
  accounts += 1;
  const email = `person${accounts}@moh.gov.vn`;
  const user = await t.services.users.create({ email, password, role }, { userId: null, email: 'test' });
  return { email, id: user.id };
}

/** Signs in and returns the cookie header of the new session. */
async function openSession(email: string, withPassword = password): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: withPassword },
  });
  expect(response.statusCode).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const meStatus = async (cookie: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode;

const changeOwnPassword = (cookie: string, body: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie }, payload: body });

const tokenHashOf = (cookie: string) => hashToken(decodeURIComponent(cookie.split('=')[1]!));

describe('password changes and sessions', () => {
  it('ends the other sessions of a user who changes their password, and keeps the current one', async () => {
    const { email } = await createAccount();
    const here = await openSession(email);
    const elsewhere = await openSession(email);
    const wrong = await changeOwnPassword(here, { currentPassword: 'not my password', newPassword });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'users.wrong_current_password',
      errors: [{ path: 'body.currentPassword' }],
    });
    expect(await meStatus(elsewhere)).toBe(200);

    const changed = await changeOwnPassword(here, { currentPassword: password, newPassword });
    expect(changed.statusCode).toBe(204);
    expect(await meStatus(here)).toBe(200);
    expect(await meStatus(elsewhere)).toBe(401);
    await openSession(email, newPassword);
  });

  it('records in the audit trail that the password changed, never the hash', async () => {
    const admin = await createAccount('admin');
    const { email, id } = await createAccount();
    await changeOwnPassword(await openSession(email), { currentPassword: password, newPassword });
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?recordType=user&recordId=${id}`,
      headers: { cookie: await openSession(admin.email) },
    });
    const [latest] = audit.json().items;
    expect(latest).toMatchObject({ action: 'update', userId: id, before: { passwordChangedAt: null } });
    expect(Date.parse(latest.after.passwordChangedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(audit.body).not.toContain('$argon2');
  });

  it('ends every session of a user whose password an admin resets', async () => {
    const admin = await createAccount('admin');
    const { email, id } = await createAccount();
    const session = await openSession(email);
    const adminCookie = await openSession(admin.email);
    const account = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${id}`,
      headers: { cookie: adminCookie },
    });
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: adminCookie },
      payload: { version: account.json().version, password: newPassword },
    });
    expect(reset.statusCode).toBe(200);
    expect(await meStatus(session)).toBe(401);
  });

  it('shows an admin when a user last signed in, while a session of theirs is kept', async () => {
    const admin = await createAccount('admin');
    const { email, id } = await createAccount();
    const adminCookie = await openSession(admin.email);
    const read = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/users?ids=${id}`,
          headers: { cookie: adminCookie },
        })
      ).json().items[0];
    expect((await read()).lastSignInAt).toBeNull();
    const before = Date.now();
    const session = await openSession(email);
    expect(Date.parse((await read()).lastSignInAt)).toBeGreaterThanOrEqual(before - 1_000);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session } });
    expect((await read()).lastSignInAt).toBeNull();
  });

  it('signs out the other sessions on request', async () => {
    const { email } = await createAccount();
    const here = await openSession(email);
    const elsewhere = await openSession(email);
    const ended = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/sessions/end-others',
      headers: { cookie: here },
    });
    expect(ended.json()).toEqual({ ended: 1 });
    expect(await meStatus(here)).toBe(200);
    expect(await meStatus(elsewhere)).toBe(401);
  });

  it('refuses one of the most common passwords wherever a password is set', async () => {
    const admin = await createAccount('admin');
    const adminCookie = await openSession(admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: adminCookie },
      payload: { email: 'weak@moh.gov.vn', password: 'Sunshine', role: 'viewer' },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({
      code: 'users.common_password',
      errors: [{ path: 'body.password' }],
    });
    const own = await changeOwnPassword(adminCookie, { currentPassword: password, newPassword: 'iloveyou' });
    expect(own.json()).toMatchObject({
      code: 'users.common_password',
      errors: [{ path: 'body.newPassword' }],
    });
  });
});

describe('idle sessions', () => {
  it('ends a session left idle longer than the idle timeout', async () => {
    const { email } = await createAccount();
    const cookie = await openSession(email);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '9 hours'` })
      .where(eq(sessions.tokenHash, tokenHashOf(cookie)));
    expect(await meStatus(cookie)).toBe(401);
  });

  it('keeps a session in use open, noting when it was last seen', async () => {
    const { email } = await createAccount();
    const cookie = await openSession(email);
    const where = eq(sessions.tokenHash, tokenHashOf(cookie));
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '7 hours'` }).where(where);
    expect(await meStatus(cookie)).toBe(200);
    const [row] = await t.database.db.select().from(sessions).where(where);
    expect(Date.now() - new Date(row!.lastSeenAt).getTime()).toBeLessThan(60_000);
  });
});

describe('the last active admin', () => {
  it('refuses to demote, disable or delete the last active admin, and allows it once another exists', async () => {
    const idle = await createTestApp();
    try {
      const only = await idle.signIn('admin');
      const current = await idle.app.inject({
        method: 'GET',
        url: `/api/v1/users/${only.userId}`,
        headers: { cookie: only.cookie },
      });
      const version = current.json().version;
      const patch = (payload: object) =>
        idle.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${only.userId}`,
          headers: { cookie: only.cookie },
          payload: { version, ...payload },
        });
      for (const change of [{ role: 'editor' }, { isActive: false }]) {
        const refused = await patch(change);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().code).toBe('users.last_admin');
        expect(refused.json().detail).toMatch(/refuses to remove or demote the last active admin/i);
      }
      const deleted = await idle.app.inject({
        method: 'DELETE',
        url: `/api/v1/users/${only.userId}?version=${version}`,
        headers: { cookie: only.cookie },
      });
      expect(deleted.json().code).toBe('users.last_admin');

      await idle.signIn('admin');
      expect((await patch({ role: 'editor' })).statusCode).toBe(200);
    } finally {
      await idle.close();
    }
  });
});
