import { createHash } from 'node:crypto';
import {
  and,
  asc,
  Column,
  desc,
  eq,
  getTableColumns,
  getTableName,
  inArray,
  is,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditedType, RecordType } from '../../common/domain/enums.ts';
import { limits } from '../../common/domain/limits.ts';
import { type FoldedWords, foldWords, toSearchWords } from '../../common/domain/text.ts';
import { commonErrors } from '../http/errors.ts';
import { auditLog } from '../modules/audit/audit.table.ts';
import { readRecordHistory } from '../modules/audit/record-history.ts';
import type { Database, Executor, Transaction } from './client.ts';

// The one way records are listed, read, written and deleted: every write runs in a transaction
// that checks the version, writes the row and its audit entry together.

export type Actor = { userId: string | null; email: string | null };

export type RecordTable = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  searchText: PgColumn;
  /** The words searched, as a tsvector: kept by the database from searchText, or, where a table
   * keeps long text (sources), written with the row while searchText holds only label words. */
  searchVector: PgColumn;
};

type Row<T extends RecordTable> = T['$inferSelect'];

/** The column a page's rows carry their list's count in. */
const pageTotalKey = 'pageTotal';

export type ListPage<R> = {
  items: R[];
  /** Exact up to limits.listCountCap; past it the cap, with isTotalCapped. */
  total: number;
  isTotalCapped: boolean;
  page: number;
  pageSize: number;
};

export type ListRequest = {
  /** `?ids=`: only these records. Required so no collection can forget to pass it on and answer
   * a request for some records with all of them. */
  ids: readonly string[] | undefined;
  where: (SQL | undefined)[];
  sort: PgColumn | SQL;
  order: 'asc' | 'desc';
  /** A condition is free text over a long vector (sources): matches are found through the text
   * index first (withTextIndexOnly), so a rare word does not test every row's vector. */
  isTextSearch?: boolean;
  page: number;
  pageSize: number;
};

export type RecordServiceSpec<T extends RecordTable, R, C extends object, U extends { version: number }> = {
  db: Database;
  table: T;
  recordType: RecordType;
  /** How people call one of these, for messages: "agreement". */
  noun: string;
  /** Rows to API records; batched so that joined data loads in one query per list. */
  toRecords: (executor: Executor, rows: Row<T>[]) => Promise<R[]>;
  /** The words free-text search looks in, before folding. */
  searchWords: (values: Record<string, unknown>) => (string | null | undefined)[];
  /** For a table with a searchVector: every word searched, long text included, before folding
   * (or already folded, off the server's thread, for an article's text). */
  vectorWords?: (values: Record<string, unknown>) => (string | FoldedWords | null | undefined)[];
  /** Refuses input that points at missing records (422) or breaks a rule (400). */
  checkInput?: (executor: Executor, values: Partial<C>, current: Row<T> | null) => Promise<void>;
  /** Writes what lives outside the row (participants, positions) after insert or update. */
  writeRelated?: (tx: Transaction, id: string, input: Partial<C>) => Promise<void>;
  /** Refuses to delete a record others still point at. */
  checkDeletable?: (executor: Executor, id: string) => Promise<void>;
  /** Derives column values from the merged input (status history, default names). */
  deriveValues?: (
    values: Record<string, unknown>,
    current: Row<T> | null,
    actor: Actor,
  ) => Record<string, unknown>;
  _update?: U;
};

export function pickColumns(table: PgTable, values: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table);
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    // Generated columns (search vectors the database keeps) cannot be written.
    if (key in columns && value !== undefined && !columns[key]!.generated) picked[key] = value;
  }
  return picked;
}

/** Removes columns that never leave the server or would bloat the audit trail. */
function toAuditImage(row: Record<string, unknown>): Record<string, unknown> {
  const {
    searchText: _searchText,
    searchVector: _searchVector,
    searchLabelVector: _searchLabelVector,
    text,
    draft: _draft,
    passwordHash: _hash,
    ...rest
  } = row;
  return typeof text === 'string' ? { ...rest, textLength: text.length } : rest;
}

export async function writeAudit(
  executor: Executor,
  entry: {
    actor: Actor;
    action: 'create' | 'update' | 'delete';
    recordType: AuditedType;
    recordId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  await executor.insert(auditLog).values({
    userId: entry.actor.userId,
    userEmail: entry.actor.email,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    before: entry.before ? toAuditImage(entry.before) : null,
    after: entry.after ? toAuditImage(entry.after) : null,
  });
}

/** Audit rows of a batch in one insert. */
export async function writeAuditMany(executor: Executor, entries: Parameters<typeof writeAudit>[1][]) {
  if (entries.length === 0) return;
  await executor.insert(auditLog).values(
    entries.map((entry) => ({
      userId: entry.actor.userId,
      userEmail: entry.actor.email,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      before: entry.before ? toAuditImage(entry.before) : null,
      after: entry.after ? toAuditImage(entry.after) : null,
    })),
  );
}

/** The tsvector a table is searched by (GIN-indexed). */
export function searchVectorOf(table: RecordTable): SQL {
  return sql`${table.searchVector}`;
}

/** The tsvector of folded words, as written to a stored search vector. */
export function toSearchVector(text: string): SQL {
  return toFoldedSearchVector(toSearchWords(text));
}

function toFoldedSearchVector(words: string): SQL {
  return sql`to_tsvector('simple'::regconfig, ${words})`;
}

export type TextMatch = {
  /** 'all': every word, anywhere; 'phrase': the words next to each other, in order. */
  mode?: 'all' | 'phrase';
  /** The last word may be the start of a word (someone typing in a list filter). */
  isLastWordPrefix?: boolean;
};

/** The query as a tsquery over the same folded words the columns hold; null when it has none.
 * Words are letters and digits only (foldWords), so quoting them is safe. */
export function toTsQuery(query: string, { mode = 'all', isLastWordPrefix = false }: TextMatch = {}) {
  const words = foldWords(query);
  if (words.length === 0) return null;
  const last = words.length - 1;
  const terms = words.map((word, index) => `'${word}'${isLastWordPrefix && index === last ? ':*' : ''}`);
  return sql`to_tsquery('simple'::regconfig, ${terms.join(mode === 'phrase' ? ' <-> ' : ' & ')})`;
}

/** Free-text condition through the table's search index: every word of the query, as a whole
 * word (lists let the last word be unfinished, for type-ahead). */
export function matchesText(
  table: RecordTable,
  query: string | undefined,
  match?: TextMatch,
): SQL | undefined {
  if (!query) return undefined;
  const tsQuery = toTsQuery(query, match ?? { isLastWordPrefix: true });
  return tsQuery ? sql`${searchVectorOf(table)} @@ ${tsQuery}` : undefined;
}

/** `column @> array[value]`: an array filter the column's GIN index can answer (`= any(column)`
 * cannot use one). */
export function arrayHas(column: PgColumn, value: string, type: 'uuid' | 'text' = 'uuid'): SQL {
  return type === 'uuid' ? sql`${column} @> array[${value}::uuid]` : sql`${column} @> array[${value}::text]`;
}

/** Runs `read` with the planner told to use indexes through bitmap scans only: for a text
 * condition, the GIN index answers without reading any row's stored vector. Left alone, the
 * planner may scan rows in order and test each vector, which for a rare word means decompressing
 * every article's words. */
export function withTextIndexOnly<T>(db: Database, read: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
    );
    return read(tx);
  });
}

/** How many rows meet the condition, counting no further than `cap` + 1: a list says "1,000+"
 * rather than scanning a hundred thousand rows for an exact figure. */
export async function countCapped(
  executor: Executor,
  table: PgTable,
  where: SQL | undefined,
  cap: number,
): Promise<{ total: number; isTotalCapped: boolean }> {
  const inner = executor
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('counted');
  const [row] = await executor.select({ total: sql<number>`count(*)::int` }).from(inner);
  const total = Number(row?.total ?? 0);
  return total > cap ? { total: cap, isTotalCapped: true } : { total, isTotalCapped: false };
}

type StoredRow = { searchText: string; searchVector: string; createdAt: Date; updatedAt: Date };

/** A stored row as an API record: the search column dropped, timestamps as ISO strings. Rows
 * whose columns are all public use it as their whole mapping. */
export function toRecordFields<T extends StoredRow>(
  row: T,
): Omit<T, 'searchText' | 'searchVector' | 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
} {
  const { searchText: _searchText, searchVector: _searchVector, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export function toIso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function createRecordService<
  T extends RecordTable,
  R,
  C extends object,
  U extends { version: number },
>(spec: RecordServiceSpec<T, R, C, U>) {
  const { db, table, recordType, noun } = spec;
  const idColumn = table.id;
  // What a write reads back: its search words and vectors and a source's draft are megabytes
  // that no record shows.
  const {
    searchText: _searchText,
    searchVector: _searchVector,
    searchLabelVector: _searchLabelVector,
    draft: _draft,
    ...returnedColumns
  } = getTableColumns(table) as Record<string, PgColumn>;

  function buildSearchText(values: Record<string, unknown>) {
    return toSearchWords(spec.searchWords(values).filter(Boolean).join(' '));
  }

  /** The search columns of a row about to be written. */
  function buildSearchColumns(values: Record<string, unknown>): Record<string, unknown> {
    const columns: Record<string, unknown> = { searchText: buildSearchText(values) };
    if (spec.vectorWords) {
      const words = spec
        .vectorWords(values)
        .flatMap((part) => (!part ? [] : typeof part === 'string' ? [toSearchWords(part)] : [part.folded]));
      columns.searchVector = toFoldedSearchVector(words.filter(Boolean).join(' '));
    }
    return columns;
  }

  async function findRow(executor: Executor, id: string, isLocking = false): Promise<Row<T> | null> {
    const query = executor
      .select()
      .from(table as PgTable)
      .where(eq(idColumn, id));
    const rows = isLocking ? await query.for('update') : await query;
    return (rows[0] as Row<T> | undefined) ?? null;
  }

  async function loadOne(executor: Executor, row: Row<T>): Promise<R> {
    const [record] = await spec.toRecords(executor, [row]);
    return record as R;
  }

  async function requireRow(executor: Executor, id: string, isLocking = false) {
    const row = await findRow(executor, id, isLocking);
    if (!row) throw commonErrors.notFound(`There is no ${noun} with id ${id}.`);
    return row;
  }

  function requireVersion(row: Row<T>, version: number) {
    const current = (row as { version: number }).version;
    if (current !== version) {
      throw commonErrors.versionConflict(
        `This ${noun} was changed by someone else (your version ${version}, current ${current}). Reload it, reapply your edits and save again.`,
      );
    }
  }

  /** A page's count, up to the cap + 1, as a subquery of the page's own statement. */
  const countedAll = (where: SQL | undefined) =>
    sql`(select count(*)::int from (select 1 from ${table}${where ? sql` where ${where}` : sql``} limit ${limits.listCountCap + 1}) as counted)`;

  // A list opened without filters (the registry's pages as they first show, and paging through
  // them) is most reads: its statement is built once per columns, sort and order and prepared, so
  // neither drizzle nor the database builds and plans it again on every request. Named after its
  // text, so equal statements share one name on each connection and the names stay few.
  type PreparedPage = { execute(values: Record<string, unknown>): Promise<unknown> };
  const preparedPages = new WeakMap<object, Map<string, PreparedPage>>();
  function preparedPage(
    columns: Record<string, PgColumn>,
    sort: PgColumn,
    order: 'asc' | 'desc',
  ): PreparedPage {
    let byOrder = preparedPages.get(columns);
    if (!byOrder) {
      byOrder = new Map();
      preparedPages.set(columns, byOrder);
    }
    const key = `${sort.name} ${order}`;
    const prepared = byOrder.get(key);
    if (!prepared) {
      const query = db
        .select({ ...columns, [pageTotalKey]: sql<number>`${countedAll(undefined)}`.as(pageTotalKey) })
        .from(table as PgTable)
        .orderBy((order === 'desc' ? desc : asc)(sort), asc(idColumn))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'));
      const name = `page_${createHash('sha256').update(query.toSQL().sql).digest('hex').slice(0, 24)}`;
      const made: PreparedPage = query.prepare(name);
      byOrder.set(key, made);
      return made;
    }
    return prepared;
  }

  async function readPage(request: ListRequest, columns: Record<string, PgColumn>) {
    const where = and(
      request.ids ? inArray(idColumn, [...request.ids]) : undefined,
      ...request.where.filter((condition): condition is SQL => condition !== undefined),
    );
    const direction = request.order === 'desc' ? desc : asc;
    const cap = limits.listCountCap;
    const offset = (request.page - 1) * request.pageSize;
    type CountedRow = Row<T> & { [pageTotalKey]: number };
    /** The page's rows, each carrying the count (up to cap + 1): one statement where a page and
     * its count were two; the count is an uncorrelated subquery, computed once. */
    const readRows = (select: Executor['select'], rowWhere: SQL | undefined, counted: SQL) =>
      select({ ...columns, [pageTotalKey]: sql<number>`${counted}`.as(pageTotalKey) })
        .from(table as PgTable)
        .where(rowWhere)
        .orderBy(direction(request.sort), asc(idColumn))
        .limit(request.pageSize)
        .offset(offset) as Promise<CountedRow[]>;
    const countApart = async () => {
      const counted = await countCapped(db, table as PgTable, where, cap);
      return counted.isTotalCapped ? cap + 1 : counted.total;
    };
    const toPage = async (rows: CountedRow[], knownTotal?: number) => {
      const first = rows[0];
      // Only a page past the end, which carries no count, asks for it apart.
      const total =
        knownTotal ??
        (first !== undefined ? Number(first[pageTotalKey]) : offset === 0 ? 0 : await countApart());
      return {
        rows: rows.map(({ [pageTotalKey]: _total, ...row }) => row as unknown as Row<T>),
        total: Math.min(total, cap),
        isTotalCapped: total > cap,
        page: request.page,
        pageSize: request.pageSize,
      };
    };
    if (!where && !request.isTextSearch && is(request.sort, Column)) {
      const prepared = preparedPage(columns, request.sort, request.order);
      return toPage((await prepared.execute({ limit: request.pageSize, offset })) as CountedRow[]);
    }
    if (!request.isTextSearch) return toPage(await readRows(db.select.bind(db), where, countedAll(where)));
    // Text search: the matches are found through the index first, at most cap + 1 of them, and the
    // page sorted among them; past the cap the word is common, and the page is read again by the
    // ordered scan (the planner's usual choice), which meets matches soon.
    const probed = await withTextIndexOnly(db, (tx) => {
      const matched = tx.$with('matched').as(
        tx
          .select({ id: sql`${idColumn}`.as('matched_id') })
          .from(table as PgTable)
          .where(where)
          .limit(cap + 1),
      );
      const withMatched = tx.with(matched);
      return readRows(
        withMatched.select.bind(withMatched) as Executor['select'],
        sql`${idColumn} in (select ${matched.id} from ${matched})`,
        sql`(select count(*)::int from ${matched})`,
      );
    });
    if (probed.length === 0 && offset > 0) {
      // Past the end of the matches: counted the same way, through the index alone.
      const counted = await withTextIndexOnly(db, (tx) => countCapped(tx, table as PgTable, where, cap));
      return toPage(probed, counted.isTotalCapped ? cap + 1 : counted.total);
    }
    const isCommon = Number(probed[0]?.[pageTotalKey] ?? 0) > cap;
    return isCommon ? toPage(await readRows(db.select.bind(db), where, sql`null`), cap + 1) : toPage(probed);
  }

  return {
    async list(request: ListRequest): Promise<ListPage<R>> {
      const { rows, ...page } = await readPage(request, returnedColumns);
      return { items: await spec.toRecords(db, rows), ...page };
    },

    /** A page read from only some columns, where a list shows less than a record (sources leave
     * their text out, which can be megabytes each). */
    async listColumns<C extends Partial<Record<keyof Row<T>, PgColumn>>, I>(
      request: ListRequest,
      columns: C,
      toItem: (row: Pick<Row<T>, keyof C & keyof Row<T>>) => I,
    ): Promise<ListPage<I>> {
      const { rows, ...page } = await readPage(request, columns as Record<string, PgColumn>);
      return { items: rows.map(toItem), ...page };
    },

    async get(id: string): Promise<R> {
      return loadOne(db, await requireRow(db, id));
    },

    async getMany(ids: string[]): Promise<R[]> {
      if (ids.length === 0) return [];
      const rows = (await db
        .select()
        .from(table as PgTable)
        .where(inArray(idColumn, ids))) as Row<T>[];
      return spec.toRecords(db, rows);
    },

    /** Records as the API shows them, read inside a transaction (audit images of a change made
     * outside this service, such as a merge moving links). */
    async readMany(executor: Executor, ids: readonly string[]): Promise<R[]> {
      if (ids.length === 0) return [];
      const rows = (await executor
        .select()
        .from(table as PgTable)
        .where(inArray(idColumn, [...ids]))) as Row<T>[];
      return spec.toRecords(executor, rows);
    },

    async create(input: C, actor: Actor, executor?: Transaction): Promise<R> {
      const run = async (tx: Transaction) => {
        await spec.checkInput?.(tx, input, null);
        let values: Record<string, unknown> = { ...(input as Record<string, unknown>) };
        values = { ...values, ...spec.deriveValues?.(values, null, actor) };
        Object.assign(values, buildSearchColumns(values));
        const [row] = (await tx
          .insert(table)
          .values(pickColumns(table, values) as never)
          .returning(returnedColumns)) as Row<T>[];
        const id = (row as { id: string }).id;
        await spec.writeRelated?.(tx, id, input);
        const record = await loadOne(tx, row as Row<T>);
        await writeAudit(tx, {
          actor,
          action: 'create',
          recordType,
          recordId: id,
          before: null,
          after: record as Record<string, unknown>,
        });
        return record;
      };
      return executor ? run(executor) : db.transaction(run);
    },

    /** Many new records in one multi-row insert and one multi-row audit insert, computed as
     * `create` computes one (derived values, search text), for batch imports. writeRelated is not
     * run: a batch holds only what the row itself stores. */
    async createMany(inputs: C[], actor: Actor, tx: Transaction): Promise<Row<T>[]> {
      if (inputs.length === 0) return [];
      const prepared: Record<string, unknown>[] = [];
      for (const input of inputs) {
        await spec.checkInput?.(tx, input, null);
        let values: Record<string, unknown> = { ...(input as Record<string, unknown>) };
        values = { ...values, ...spec.deriveValues?.(values, null, actor) };
        Object.assign(values, buildSearchColumns(values));
        prepared.push(pickColumns(table, values));
      }
      const rows = (await tx
        .insert(table)
        .values(prepared as never)
        .returning(returnedColumns)) as Row<T>[];
      const created = await spec.toRecords(tx, rows);
      await writeAuditMany(
        tx,
        rows.map((row, index) => ({
          actor,
          action: 'create' as const,
          recordType,
          recordId: (row as { id: string }).id,
          before: null,
          after: created[index] as Record<string, unknown>,
        })),
      );
      return rows;
    },

    async update(id: string, input: U, actor: Actor, executor?: Transaction): Promise<R> {
      const run = async (tx: Transaction) => {
        const current = await requireRow(tx, id, true);
        requireVersion(current, input.version);
        const { version: _version, ...patch } = input;
        await spec.checkInput?.(tx, patch as unknown as Partial<C>, current);
        const before = await loadOne(tx, current);
        let values: Record<string, unknown> = { ...(current as Record<string, unknown>), ...patch };
        values = { ...values, ...spec.deriveValues?.(values, current, actor) };
        Object.assign(values, buildSearchColumns(values));
        const { id: _id, createdAt: _createdAt, ...rest } = values;
        const [row] = (await tx
          .update(table)
          .set({
            ...pickColumns(table, rest),
            version: (current as { version: number }).version + 1,
            updatedAt: new Date(),
          } as never)
          .where(eq(idColumn, id))
          .returning(returnedColumns)) as Row<T>[];
        await spec.writeRelated?.(tx, id, patch as unknown as Partial<C>);
        const after = await loadOne(tx, row as Row<T>);
        await writeAudit(tx, {
          actor,
          action: 'update',
          recordType,
          recordId: id,
          before: before as Record<string, unknown>,
          after: after as Record<string, unknown>,
        });
        return after;
      };
      return executor ? run(executor) : db.transaction(run);
    },

    async remove(id: string, version: number, actor: Actor, executor?: Transaction): Promise<void> {
      const run = async (tx: Transaction) => {
        const current = await requireRow(tx, id, true);
        requireVersion(current, version);
        await spec.checkDeletable?.(tx, id);
        const before = await loadOne(tx, current);
        await tx.delete(table).where(eq(idColumn, id));
        await writeAudit(tx, {
          actor,
          action: 'delete',
          recordType,
          recordId: id,
          before: before as Record<string, unknown>,
          after: null,
        });
      };
      await (executor ? run(executor) : db.transaction(run));
    },

    /** What the audit log kept of this record's writes, as field changes; a deleted record
     * keeps its history. */
    history(id: string) {
      return readRecordHistory(db, recordType, id, noun);
    },

    findRow,
    requireRow,
    buildSearchText,
  };
}

export type RecordService<R, C, U> = {
  list(request: ListRequest): Promise<ListPage<R>>;
  get(id: string): Promise<R>;
  create(input: C, actor: Actor, executor?: Transaction): Promise<R>;
  update(id: string, input: U, actor: Actor, executor?: Transaction): Promise<R>;
  remove(id: string, version: number, actor: Actor, executor?: Transaction): Promise<void>;
};

/** Refuses a period that would end before it starts once the edit is applied to the current row
 * (a PATCH may send only one of the two dates). */
export function requireDateOrder(
  values: Record<string, unknown>,
  current: Record<string, unknown> | null,
  [startKey, endKey]: [string, string],
  noun: string,
) {
  const pick = (key: string) =>
    (values[key] !== undefined ? values[key] : current?.[key]) as string | null | undefined;
  const start = pick(startKey);
  const end = pick(endKey);
  if (start && end && start > end) {
    throw commonErrors.invalid(
      `The ${noun} cannot end (${endKey} ${end}) before it starts (${startKey} ${start}).`,
      [{ path: `body.${endKey}`, message: `must not be before ${startKey}` }],
    );
  }
}

/** Checks that every id in the list names an existing row of the table; 422 otherwise. */
export async function requireExisting(
  executor: Executor,
  table: PgTable & { id: PgColumn },
  ids: readonly string[] | null | undefined,
  what: string,
  field: string,
) {
  const unique = [...new Set((ids ?? []).filter(Boolean))];
  if (unique.length === 0) return;
  const found = await executor.select({ id: table.id }).from(table).where(inArray(table.id, unique));
  const known = new Set(found.map((row) => String(row.id)));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw commonErrors.invalidReference(`No ${what} with id ${missing.join(', ')}.`, [
      { path: `body.${field}`, message: `refers to no existing ${what}: ${missing.join(', ')}` },
    ]);
  }
}

/** A column named with its table, for correlated subqueries: Drizzle leaves columns unqualified
 * in a single-table select, where `id` would then be ambiguous. */
export function qualified(column: PgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
