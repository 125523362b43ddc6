import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig, readTestDatabaseConfig } from '../config.ts';
import { type Database, isDatabaseUnreachable } from '../db/client.ts';
import * as schema from '../db/schema.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { createTestApp } from '../test-app.ts';

function expectUnavailable(response: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['retry-after']).toBe('10');
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(JSON.parse(response.body)).toMatchObject({
    code: 'database.unavailable',
    detail: 'The database cannot be reached just now. Try again in 10 seconds.',
  });
}

function findClosedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('a database that cannot be reached', () => {
  it('answers 503 with Retry-After once the database connection is closed', async () => {
    const t = await createTestApp();
    const { cookie } = await t.signIn('viewer');
    await t.database.close();
    try {
      expectUnavailable(await t.app.inject({ method: 'GET', url: '/api/public/news' }));
      expectUnavailable(await t.app.inject({ method: 'GET', url: '/api/v1/events', headers: { cookie } }));
    } finally {
      await t.app.close();
    }
  });

  it('answers 503 with Retry-After when the PostgreSQL server refuses connections', async () => {
    const pool = new pg.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await findClosedPort()}/hoptac`,
    });
    const app = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      database: {
        db: drizzle({ client: pool, schema }) as unknown as Database,
        kind: 'postgres',
        migrate: async () => {},
        listen: async () => async () => {},
        close: () => pool.end(),
      },
    });
    try {
      expectUnavailable(await app.inject({ method: 'GET', url: '/api/public/partners' }));
    } finally {
      await app.close();
      await pool.end();
    }
  });
});

describe.runIf(readTestDatabaseConfig().kind === 'postgres')(
  'a PostgreSQL connection ended mid-query',
  () => {
    it('is told apart from a refused query', async () => {
      const handle = await createTestDatabase();
      try {
        // A Drizzle query starts when it is awaited: then() sends it now.
        const ended = handle.db.execute(sql`select pg_sleep(30)`).then(
          () => null,
          (reason: unknown) => reason,
        );
        const admin = new pg.Client({ connectionString: readTestDatabaseConfig().url });
        await admin.connect();
        // Wait until the sleep is running, then end its backend as an administrator or a restart would.
        for (let tries = 0; tries < 50; tries += 1) {
          const { rowCount } = await admin.query(
            "select pg_terminate_backend(pid) from pg_stat_activity where query like 'select pg_sleep(30)%' and pid <> pg_backend_pid()",
          );
          if (rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await admin.end();
        const error = await ended;
        expect(isDatabaseUnreachable(error)).toBe(true);
        const refused = await handle.db.execute(sql`select 1/0`).catch((reason: unknown) => reason);
        expect(isDatabaseUnreachable(refused)).toBe(false);
      } finally {
        await handle.close();
      }
    });
  },
);
