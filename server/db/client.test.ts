import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../config.ts';
import type { DatabaseHandle } from './client.ts';
import { createTestDatabase } from './test-database.ts';

// A PostgreSQL server may end a connection at any time (restart, administrator, failover): the
// process must stay up and the next query must work on a fresh connection. An unheard 'error' on
// a pool client would surface here as an uncaught exception and fail the run.
describe.runIf(readTestDatabaseConfig().kind === 'postgres')(
  'PostgreSQL connections ended by the server',
  () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await createTestDatabase();
    });
    afterAll(async () => {
      await handle.close();
    });

    it('keeps serving after every connection of the pool is terminated', async () => {
      const before = await handle.db.execute(sql`select pg_backend_pid() as pid, current_database() as name`);
      const { name } = (before as unknown as { rows: { name: string }[] }).rows[0] as { name: string };
      const admin = new pg.Client({ connectionString: readTestDatabaseConfig().url });
      await admin.connect();
      const ended = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      // Give the terminated clients time to hear it, as an idle pool would between requests.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await handle.db.execute(sql`select 1 as one`);
      expect((after as unknown as { rows: { one: number }[] }).rows[0]?.one).toBe(1);
    });
  },
);

// The embedded database is one session behind every connection of its pool: statements a closed
// client prepared by name must go with it, or the driver's next client fails preparing them again
// (list pages and search use named statements; the pool closes a client after 10 s idle).
describe.runIf(readTestDatabaseConfig().kind === 'pglite')('PGlite connections replaced by the pool', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('runs a named statement again after the client that prepared it is closed', async () => {
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    const named = { name: 'client_test_named', text: 'select $1::int + 1 as n', values: [1] };
    expect((await pool.query(named)).rows).toEqual([{ n: 2 }]);
    const client = await pool.connect();
    client.release(true);
    expect((await pool.query({ ...named, values: [41] })).rows).toEqual([{ n: 42 }]);
  });
});
