import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../config.ts';
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
});
