import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig, readTestDatabaseConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

// Two app processes on one PostgreSQL database, each with its own session cache: a change made
// through one reaches the other's cache through LISTEN/NOTIFY, well inside the cache's 5 s.
describe.runIf(readTestDatabaseConfig().kind === 'postgres')('session cache across app instances', () => {
  let t: TestApp;
  let other: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp();
    other = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent' }), database: t.database });
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const me = (app: FastifyInstance, cookie: string) =>
    app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

  async function secondsUntilRefused(app: FastifyInstance, cookie: string): Promise<number> {
    const started = Date.now();
    while ((await me(app, cookie)).statusCode !== 401) {
      if (Date.now() - started > 10_000) throw new Error('still served after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return (Date.now() - started) / 1000;
  }

  it('refuses a disabled account on the other instance within a second', async () => {
    const admin = await t.signIn('admin');
    const viewer = await t.signIn('viewer');
    expect((await me(other, viewer.cookie)).statusCode).toBe(200);
    expect((await me(other, viewer.cookie)).statusCode).toBe(200);
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
    expect(await secondsUntilRefused(other, viewer.cookie)).toBeLessThan(1);
  });

  it('ends a signed-out session on the other instance within a second', async () => {
    const viewer = await t.signIn('viewer');
    expect((await me(other, viewer.cookie)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: viewer.cookie },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect(await secondsUntilRefused(other, viewer.cookie)).toBeLessThan(1);
  });
});
