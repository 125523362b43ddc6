import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories accept either a Database or a Transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;
export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens the embedded PGlite database in dataDir (or in memory when dataDir is null, optionally
 * starting from a dumped template), holding the directory lock for as long as it is open. */
export async function openPglite(
  dataDir: string | null,
  command = 'hoptac',
  template?: Blob,
): Promise<DatabaseHandle> {
  const lock = dataDir === null ? null : lockDataDir(dataDir, command);
  try {
    // pg_trgm (typo-tolerant name search) is a contrib extension PGlite loads on request.
    const extensions = { pg_trgm };
    const client =
      dataDir !== null
        ? new PGlite(dataDir, { extensions })
        : template
          ? new PGlite({ loadDataDir: template, extensions })
          : new PGlite({ extensions });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A backend the server ends (a restart, an administrator's command, a dropped test database)
  // emits 'error' on its client; unheard, that would crash the process. A query in flight still
  // rejects with the error and its request answers 5xx; an idle client is dropped by the pool.
  const ignoreEndedBackend = (): void => {};
  pool.on('error', ignoreEndedBackend);
  pool.on('connect', (client) => client.on('error', ignoreEndedBackend));
  // Fail at start-up with the server's own message rather than on the first request.
  const connection = await pool.connect();
  connection.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}

export function openDatabase(
  config: { DATABASE_URL?: string | undefined; HOPTAC_DATA_DIR: string },
  command?: string,
): Promise<DatabaseHandle> {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL)
    : openPglite(config.HOPTAC_DATA_DIR, command);
}

// How each driver says the database cannot be reached (as opposed to refusing a query): pg's
// socket errors and SQLSTATE classes 08 (connection exception) and 57P (server shutting down),
// pg-pool after end(), and PGlite after close().
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const unreachableMessages =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end|PGlite is clos)/;

/** Whether an error (or any error it wraps: Drizzle wraps the driver's) says the database is
 * unreachable, so the request may succeed later and deserves a 503, not a 500. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unreachableCodes.has(code) || /^(08|57P)/.test(code))) return true;
    if (unreachableMessages.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnreachable)) return true;
  }
  return false;
}
