import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PgliteThread } from './pglite-thread.ts';
import * as schema from './schema.ts';
import {
  presetTextIndexReader,
  registerTextIndexReader,
  sessionTextIndexReader,
  textIndexOptions,
} from './text-index.ts';

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
  /** The whole embedded database as a tar (PGlite only), for test templates. */
  dump?: () => Promise<Uint8Array>;
  /** Hears NOTIFY on a channel from every process on the database, until the returned function is
   * called. `onLive(false)` says notifications may be missed (the connection dropped; it is
   * retried every second), `onLive(true)` that they arrive again. PGlite has one process, so
   * there it hears nothing and stays live. */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onLive: (isLive: boolean) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens the embedded PGlite database in dataDir (or in memory when dataDir is null, optionally
 * starting from a dumped template file), holding the directory lock for as long as it is open.
 * PGlite runs in its own thread (pglite-thread.ts) and is reached through the same `pg` driver
 * as a PostgreSQL server, over one connection: PGlite is one session. */
export async function openPglite(
  dataDir: string | null,
  command = 'hoptac',
  templatePath: string | null = null,
): Promise<DatabaseHandle> {
  const lock = dataDir === null ? null : lockDataDir(dataDir, command);
  try {
    const thread = await PgliteThread.start({ dataDir, templatePath });
    const pool = new pg.Pool({
      max: 1,
      user: 'postgres',
      database: 'template1',
      stream: () => thread.openStream(),
    });
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    registerTextIndexReader(db, sessionTextIndexReader(pool));
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      dump: () => thread.dump(),
      listen: async () => async () => {},
      close: async () => {
        await pool.end();
        await thread.close();
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
  // Search reads on connections opened with the planner settings it needs (text-index.ts): one
  // statement per search, where setting them cost a transaction and two more round trips.
  const textIndexPool = new pg.Pool({ connectionString: url, max: 4, options: textIndexOptions() });
  textIndexPool.on('error', ignoreEndedBackend);
  textIndexPool.on('connect', (client) => client.on('error', ignoreEndedBackend));
  registerTextIndexReader(db, presetTextIndexReader(textIndexPool));
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder }),
    listen: (channel, onNotify, onLive) => listenPostgres(url, channel, onNotify, onLive),
    close: async () => {
      await Promise.all([pool.end(), textIndexPool.end()]);
    },
  };
}

/** LISTEN on a connection of its own (a pooled one would be handed to queries), reconnecting
 * every second while the server cannot be reached. */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onLive: (isLive: boolean) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;
  async function connect(isFirst = false): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== next) return;
      client = null;
      onLive(false);
      next.end().catch(() => {});
      if (!isStopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => onNotify(message.payload ?? ''));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      onLive(true);
    } catch (error) {
      if (isFirst) isStopped = true;
      lost();
      throw error;
    }
  }
  await connect(true);
  return async () => {
    isStopped = true;
    clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end();
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
