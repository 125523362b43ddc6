import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { readTestDatabaseConfig } from '../config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './client.ts';

/** A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server (dropped on close) when the suite runs with HOPTAC_TEST_DB=postgres. */
export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const { kind, url } = readTestDatabaseConfig();
  if (kind === 'pglite') {
    const handle = await openPglite(null, 'test', inject('pgliteTemplate') || null);
    await handle.migrate();
    return handle;
  }
  const name = `hoptac_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString());
  await handle.migrate();
  return {
    ...handle,
    /** For tests that open a second connection pool, as a second server process would. */
    url: target.toString(),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
