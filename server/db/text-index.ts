import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Database } from './client.ts';

/** The planner settings of a search statement (search.service.ts). No sequential scans: a text
 * condition is answered by its GIN index (a bitmap scan), never by testing every row's stored
 * vector, which for an article means decompressing all its words. Generic plans: a search's
 * statement differs only in its values, and planning one costs more than running it. The trigram
 * threshold is how alike a misspelt name must be (0–1): one wrong letter in a six-letter name
 * scores 0.57. */
export const textIndexSettings: Record<string, string> = {
  enable_seqscan: 'off',
  plan_cache_mode: 'force_generic_plan',
  // A search's branches are small; starting workers for one costs more than it saves.
  max_parallel_workers_per_gather: '0',
  'pg_trgm.word_similarity_threshold': '0.5',
};

/** Reads under textIndexSettings. On PostgreSQL they go to a pool of connections opened with the
 * settings (no transaction, no set_config round trip); on PGlite, one session, they are set for
 * the length of a transaction. Either way each statement is prepared once per connection under a
 * name taken from its text, so its plan is made once and reused by every later read of its shape. */
export type TextIndexReader = {
  rows<T>(statement: SQL): Promise<T[]>;
};

const dialect = new PgDialect();
const readers = new WeakMap<Database, TextIndexReader>();

function toNamedQuery(statement: SQL): pg.QueryConfig {
  const query = dialect.sqlToQuery(statement);
  const name = `text_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`;
  return { name, text: query.sql, values: query.params as unknown[] };
}

/** The `-c` options of a connection that starts with textIndexSettings. */
export function textIndexOptions(): string {
  return Object.entries(textIndexSettings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}

/** A reader over a pool whose connections were opened with textIndexOptions(). */
export function presetTextIndexReader(pool: pg.Pool): TextIndexReader {
  return {
    rows: async <T>(statement: SQL) => (await pool.query(toNamedQuery(statement))).rows as T[],
  };
}

const setLocally = sql.raw(
  `select ${Object.entries(textIndexSettings)
    .map(([name, value]) => `set_config('${name}', '${value}', true)`)
    .join(', ')}`,
);

/** A reader that sets textIndexSettings for one transaction, on the pool's connection (PGlite). */
export function sessionTextIndexReader(pool: pg.Pool): TextIndexReader {
  const begin = `begin; ${dialect.sqlToQuery(setLocally).sql}`;
  return {
    rows: async <T>(statement: SQL) => {
      // A new client of PGlite's pool starts with no prepared statements (pglite-thread.worker.mjs).
      const client = await pool.connect();
      try {
        // Begin and settings in one message (the simple protocol takes several statements).
        await client.query(begin);
        try {
          const result = await client.query(toNamedQuery(statement));
          await client.query('commit');
          return result.rows as T[];
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      } finally {
        client.release();
      }
    },
  };
}

export function registerTextIndexReader(db: Database, reader: TextIndexReader): void {
  readers.set(db, reader);
}

/** The database's text-index reader; a database opened elsewhere gets one that sets the settings
 * in a transaction around each statement. */
export function textIndexReaderOf(db: Database): TextIndexReader {
  let reader = readers.get(db);
  if (!reader) {
    reader = {
      rows: (statement) =>
        db.transaction(async (tx) => {
          await tx.execute(setLocally);
          return ((await tx.execute(statement)) as unknown as { rows: never[] }).rows;
        }),
    };
    readers.set(db, reader);
  }
  return reader;
}
