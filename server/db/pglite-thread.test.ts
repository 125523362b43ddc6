import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../config.ts';
import { PgliteThread } from './pglite-thread.ts';
import { createTestDatabase } from './test-database.ts';

describe.skipIf(readTestDatabaseConfig().kind !== 'pglite')('the embedded database in its own thread', () => {
  it("lets the server's thread run while a statement works", async () => {
    const database = await createTestDatabase();
    try {
      const order: string[] = [];
      const statement = database.db.execute(sql`select pg_sleep(1.5)`).then(() => order.push('statement'));
      // On the server's thread, PGlite would hold this timer until the statement ended.
      await new Promise((resolve) => setTimeout(resolve, 50)).then(() => order.push('timer'));
      await statement;
      expect(order).toEqual(['timer', 'statement']);
    } finally {
      await database.close();
    }
  });

  it('rolls back a failed transaction, so the next statement starts clean', async () => {
    const database = await createTestDatabase();
    try {
      await database.db.execute(sql`create table probe (n int)`);
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`insert into probe values (1)`);
          throw new Error('the request failed midway');
        }),
      ).rejects.toThrow('midway');
      const rows = await database.db.execute(sql`select count(*)::int as n from probe`);
      expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ n: 0 });
    } finally {
      await database.close();
    }
  });

  it('checkpoints a data directory as its log grows, which a single-user PGlite never does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hoptac-checkpoint-'));
    const walBytes = 4 * 1024 * 1024;
    const thread = await PgliteThread.start({
      dataDir,
      templatePath: null,
      checkpoint: { walBytes, lookEveryMs: 0 },
    });
    const client = new pg.Client({
      user: 'postgres',
      database: 'template1',
      stream: () => thread.openStream(),
    });
    try {
      await client.connect();
      const redo = async () =>
        (
          await client.query(
            "select pg_wal_lsn_diff(redo_lsn, '0/0')::float8 as bytes from pg_control_checkpoint()",
          )
        ).rows[0].bytes as number;
      const redoBefore = await redo();
      await client.query('create table filler (body text)');
      // About 16 MB of log, written in steps so the thread sees quiet points between them.
      for (let step = 0; step < 8; step++) {
        await client.query(
          'insert into filler select repeat(md5(g::text), 8) from generate_series(1, 5000) g',
        );
      }
      const written = (
        await client.query("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as bytes")
      ).rows[0].bytes as number;
      expect(written - redoBefore).toBeGreaterThan(3 * walBytes);
      // The last checkpoint is recent: at most one threshold (plus the step that crossed it) behind.
      expect(await redo()).toBeGreaterThan(written - 2 * walBytes);
    } finally {
      await client.end();
      await thread.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
