import { sql } from 'drizzle-orm';
import type { Transaction } from './client.ts';

/** Serialises find-or-create by natural key ("partner:LA") across concurrent transactions: each
 * key takes a transaction-scoped advisory lock, released at commit or rollback, so the second
 * transaction looks only after the first one's row is visible. Keys are taken in sorted order so
 * that two transactions never hold one key each while waiting for the other's. */
export async function lockNaturalKeys(tx: Transaction, keys: Iterable<string>): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }
}
