import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline as pipelineStreams, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { backupErrors } from './backup.errors.ts';

// A backup is a gzip of JSON lines: a header naming the schema version, then every row of every
// table, parents before children, as PostgreSQL's own row_to_json writes it. The same file comes
// from and goes to PGlite and PostgreSQL. It is written from one read-only snapshot, page by page,
// and restored in one transaction into an empty database of the same or a newer schema.

const format = 'hoptac-backup';
const pageSize = 1000;
/** Sign-ins are not data: a restored server asks everyone to sign in again. */
const skippedTables = new Set(['sessions']);

type Header = { format: typeof format; schemaVersion: number; createdAt: string; tables: string[] };
type TablePlan = { name: string; dependsOn: string[]; keyColumns: string[]; parentColumn: string | null };
export type BackupSummary = { tables: number; rows: number };

async function query<T>(executor: Executor, statement: SQL): Promise<T[]> {
  return ((await executor.execute(statement)) as unknown as { rows: T[] }).rows;
}

/** The last migration applied (drizzle records its timestamp), so a backup knows its schema. */
async function readSchemaVersion(executor: Executor): Promise<number> {
  const [row] = await query<{ version: string | number | null }>(
    executor,
    sql`select max(created_at) as version from drizzle.__drizzle_migrations`,
  );
  return Number(row?.version ?? 0);
}

/** Every table of the schema with what it references, ordered so parents come first. */
async function planTables(executor: Executor): Promise<TablePlan[]> {
  const tables = await query<TablePlan>(
    executor,
    sql`select c.relname as "name",
      coalesce((select json_agg(distinct r.relname) from pg_constraint k join pg_class r on r.oid = k.confrelid
        where k.conrelid = c.oid and k.contype = 'f' and k.confrelid <> c.oid), '[]') as "dependsOn",
      coalesce((select json_agg(a.attname order by a.attnum) from pg_constraint k
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
        where k.conrelid = c.oid and k.contype = 'p'), '[]') as "keyColumns",
      (select a.attname from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
        where k.conrelid = c.oid and k.contype = 'f' and k.confrelid = c.oid limit 1) as "parentColumn"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const ordered: TablePlan[] = [];
  const placed = new Set<string>();
  const remaining = tables.filter((table) => !skippedTables.has(table.name));
  while (remaining.length > 0) {
    const next = remaining.findIndex((table) =>
      table.dependsOn.every((name) => placed.has(name) || skippedTables.has(name)),
    );
    if (next < 0) throw new Error(`Tables reference each other in a cycle: ${remaining.map((t) => t.name)}`);
    const [table] = remaining.splice(next, 1);
    ordered.push(table!);
    placed.add(table!.name);
  }
  return ordered;
}

/** One page of a table's rows as JSON text; a table that references itself (an organisation's
 * parent) is read by depth so that every parent is restored before its children. */
function readPage(table: TablePlan, offset: number): SQL {
  const name = sql.identifier(table.name);
  const keys = sql.join(
    table.keyColumns.map((column) => sql`t.${sql.identifier(column)}`),
    sql`, `,
  );
  if (!table.parentColumn) {
    return sql`select row_to_json(t)::text as line from ${name} t order by ${keys} limit ${pageSize} offset ${offset}`;
  }
  const key = sql.identifier(table.keyColumns[0]!);
  const parent = sql.identifier(table.parentColumn);
  return sql`with recursive tree as (
      select ${key} as key, 0 as depth from ${name} where ${parent} is null
      union all select c.${key}, tree.depth + 1 from ${name} c join tree on c.${parent} = tree.key)
    select row_to_json(t)::text as line from ${name} t join tree on tree.key = t.${key}
    order by tree.depth, ${keys} limit ${pageSize} offset ${offset}`;
}

/** Writes a backup of the whole database to output (gzip), from one consistent snapshot. */
export async function writeBackup(db: Database, output: Writable): Promise<BackupSummary> {
  const gzip = createGzip();
  const written = pipeline(gzip, output);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const summary = await db.transaction(
      async (tx) => {
        const tables = await planTables(tx);
        const header: Header = {
          format,
          schemaVersion: await readSchemaVersion(tx),
          createdAt: new Date().toISOString(),
          tables: tables.map((table) => table.name),
        };
        await write(JSON.stringify(header));
        let rows = 0;
        for (const table of tables) {
          for (let offset = 0; ; offset += pageSize) {
            const page = await query<{ line: string }>(tx, readPage(table, offset));
            for (const { line } of page) await write(`{"table":${JSON.stringify(table.name)},"row":${line}}`);
            rows += page.length;
            if (page.length < pageSize) break;
          }
        }
        return { tables: tables.length, rows };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await written;
    return summary;
  } catch (error) {
    gzip.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
}

function parseHeader(line: string | undefined): Header {
  try {
    const header = JSON.parse(line ?? '') as Header;
    if (header.format === format && typeof header.schemaVersion === 'number') return header;
  } catch {}
  throw backupErrors.unreadable('This file is not a hoptac backup (expected a gzip of JSON lines).');
}

async function requireEmpty(executor: Executor, tables: TablePlan[]): Promise<void> {
  for (const table of tables) {
    const [row] = await query<{ found: boolean }>(
      executor,
      sql`select exists (select 1 from ${sql.identifier(table.name)}) as found`,
    );
    if (row?.found) {
      throw backupErrors.notEmpty(
        `The database is not empty (table ${table.name} has rows). Restore into a new database: point HOPTAC_DATA_DIR at a new directory, or DATABASE_URL at a newly created PostgreSQL database.`,
      );
    }
  }
}

async function insertRows(executor: Executor, table: string, rows: Record<string, unknown>[]) {
  // Generated columns (search vectors) are the database's to compute, never written.
  const generated = (await executor.execute(
    sql`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and is_generated = 'ALWAYS'`,
  )) as unknown as { rows: { name: string }[] };
  const skipped = new Set(generated.rows.map((row) => row.name));
  const columns = sql.join(
    Object.keys(rows[0]!)
      .filter((column) => !skipped.has(column))
      .map((column) => sql.identifier(column)),
    sql`, `,
  );
  const name = sql.identifier(table);
  // Only the columns the backup has: a column added by a later migration takes its default.
  await executor.execute(
    sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${JSON.stringify(rows)}::json)`,
  );
}

/** Serial columns continue after the restored rows, not from 1. */
async function advanceSequences(executor: Executor): Promise<void> {
  const serials = await query<{ table: string; column: string }>(
    executor,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const { table, column } of serials) {
    const name = sql.identifier(table);
    const col = sql.identifier(column);
    await executor.execute(
      sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), coalesce(max(${col}), 0) + 1, false) from ${name}`,
    );
  }
}

/** Restores a backup into this migrated, empty database in one transaction: all of it or none. */
export async function restoreBackup(db: Database, input: Readable): Promise<BackupSummary> {
  // pipeline, unlike pipe, passes a read error (a missing file) on to the lines being read.
  const unzipped = pipelineStreams(input, createGunzip(), () => {});
  const lines = createInterface({ input: unzipped, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const header = parseHeader((await iterator.next()).value);
    return await db.transaction(async (tx) => {
      const schemaVersion = await readSchemaVersion(tx);
      if (header.schemaVersion > schemaVersion) {
        throw backupErrors.newerSchema(
          'This backup was made by a newer version of hoptac than this one; upgrade hoptac, then restore.',
        );
      }
      const tables = await planTables(tx);
      await requireEmpty(tx, tables);
      let batch: { table: string; rows: Record<string, unknown>[] } = { table: '', rows: [] };
      let rows = 0;
      const flush = async () => {
        if (batch.rows.length > 0) await insertRows(tx, batch.table, batch.rows);
        rows += batch.rows.length;
      };
      for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
        if (line.trim() === '') continue;
        const entry = JSON.parse(line) as { table: string; row: Record<string, unknown> };
        if (batch.table !== entry.table || batch.rows.length >= pageSize) {
          await flush();
          batch = { table: entry.table, rows: [] };
        }
        batch.rows.push(entry.row);
      }
      await flush();
      await advanceSequences(tx);
      return { tables: header.tables.length, rows };
    });
  } catch (error) {
    if (error instanceof SyntaxError || (error as { code?: string }).code === 'Z_DATA_ERROR') {
      throw backupErrors.unreadable('The backup file is damaged or cut short; nothing was restored.');
    }
    throw error;
  } finally {
    lines.close();
  }
}
