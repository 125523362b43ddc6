import {
  and,
  desc,
  eq,
  getTableColumns,
  getTableName,
  inArray,
  isNull,
  notInArray,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { MergeInput, MergeListQuery, MergeRecord } from '../../../common/contracts/merges.ts';
import type { MergeCollection, RecordType } from '../../../common/domain/enums.ts';
import { limits } from '../../../common/domain/limits.ts';
import { foldText } from '../../../common/domain/text.ts';
import type { Database, Transaction } from '../../db/client.ts';
import { type Actor, countCapped, type ListPage, toIso, writeAudit } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { people } from '../people/people.table.ts';
import { users } from '../users/users.table.ts';
import {
  collectionRecordTypes,
  collectionTables,
  type MergeChanges,
  type MergeReference,
  type MovedLink,
  mergeReferences,
} from './merge-references.ts';
import { mergeErrors } from './merges.errors.ts';
import { merges } from './merges.table.ts';

// Merging people or organisations: every link to the merged records moves to the survivor, their
// names become its aliases, they are deleted, and the audit shows each change — all in one
// transaction. The merge keeps what it changed, so that undo puts each link back.

type Reader = { readMany(executor: Transaction, ids: readonly string[]): Promise<unknown[]> };
type Readers = Record<'person' | 'organisation' | 'event' | 'commitment' | 'user' | 'agreement', Reader>;

const ownerTables: Record<keyof Readers, PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn }> =
  {
    person: people,
    organisation: organisations,
    event: events,
    commitment: commitments,
    user: users,
    agreement: agreements,
  };

type CollectionRow = Record<string, unknown> & { id: string; aliases: string[]; version: number };

/** The names a record goes by: a person's name, an organisation's Vietnamese and English names. */
function spellingsOf(collection: MergeCollection, row: Record<string, unknown>): string[] {
  const names = collection === 'people' ? [row.name as string] : [row.nameVi as string, row.nameEn as string];
  return [...names, ...((row.aliases as string[] | null) ?? [])].filter((name) => !!name?.trim());
}

function labelOf(collection: MergeCollection, row: Record<string, unknown>): string {
  return (collection === 'people' ? row.name : row.nameVi) as string;
}

function keyMatches(reference: MergeReference, key: unknown[]): SQL {
  return and(...reference.key.map((column, index) => eq(column, key[index])))!;
}

function uuidArray(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

/** Rows as PostgreSQL writes them to JSON (column names, timestamps to the microsecond), so that
 * undo puts back exactly what was there. */
async function readRawRows(tx: Transaction, table: PgTable, where: SQL): Promise<Record<string, unknown>[]> {
  const result = (await tx.execute(
    sql`select row_to_json(${table}) as row from ${table} where ${where}`,
  )) as unknown as {
    rows: { row: Record<string, unknown> }[];
  };
  return result.rows.map((row) => row.row);
}

/** Inserts rows read by readRawRows; columns the database computes are left to it. */
async function insertRawRows(tx: Transaction, table: PgTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const names = Object.values(getTableColumns(table))
    .filter((column) => !column.generated)
    .map((column) => sql.identifier(column.name));
  const columns = sql.join(names, sql`, `);
  const name = sql.identifier(getTableName(table));
  await tx.execute(
    sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${JSON.stringify(rows)}::json)`,
  );
}

export function createMergesService({
  db,
  readers,
  searchTextOf,
  afterStep,
  onAccountsChanged,
}: {
  db: Database;
  /** Called after a merge or undo that moved unit accounts: cached sessions hold their unit. */
  onAccountsChanged?: () => Promise<void>;
  readers: Readers;
  /** The search words of a person's or organisation's row, as its service writes them. */
  searchTextOf: Record<MergeCollection, (values: Record<string, unknown>) => string>;
  /** Called after each step inside the transaction: tests throw here to prove a failure midway
   * changes nothing. */
  afterStep?: (step: 'moved' | 'deleted' | 'restored') => void;
}) {
  async function imagesOf(tx: Transaction, ids: Map<keyof Readers, Set<string>>) {
    const images = new Map<string, Record<string, unknown>>();
    for (const [recordType, set] of ids) {
      for (const record of (await readers[recordType].readMany(tx, [...set])) as Record<string, unknown>[])
        images.set(`${recordType}:${record.id}`, record);
    }
    return images;
  }

  /** Bumps each owner's version (its links changed) and audits it, from its image before. */
  async function auditOwners(
    tx: Transaction,
    owners: Map<keyof Readers, Set<string>>,
    before: Map<string, Record<string, unknown>>,
    actor: Actor,
  ) {
    for (const [recordType, set] of owners) {
      const ids = [...set];
      if (ids.length === 0) continue;
      const table = ownerTables[recordType];
      await tx
        .update(table)
        .set({ version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
        .where(inArray(table.id, ids));
      for (const after of (await readers[recordType].readMany(tx, ids)) as Record<string, unknown>[]) {
        await writeAudit(tx, {
          actor,
          action: 'update',
          recordType,
          recordId: String(after.id),
          before: before.get(`${recordType}:${after.id}`) ?? null,
          after,
        });
      }
    }
  }

  function addOwner(owners: Map<keyof Readers, Set<string>>, recordType: RecordType, id: string | null) {
    if (!id) return;
    const key = recordType as keyof Readers;
    owners.set(key, (owners.get(key) ?? new Set()).add(id));
  }

  /** Moves one reference's links from the merged records to the survivor. */
  async function moveReference(
    tx: Transaction,
    reference: MergeReference,
    collection: MergeCollection,
    survivorId: string,
    mergedIds: string[],
    changes: MergeChanges,
  ) {
    const ownTable = reference.table === collectionTables[collection];
    const selection: Record<string, PgColumn> = { value: reference.column };
    reference.key.forEach((column, index) => {
      selection[`k${index}`] = column;
    });
    if (reference.owner) selection.owner = reference.owner.idColumn;
    const where = and(
      reference.shape === 'array'
        ? sql`${reference.column} && ${uuidArray(mergedIds)}`
        : inArray(reference.column, mergedIds),
      reference.only,
      // The merged rows themselves are deleted, not rewritten.
      ownTable ? notInArray(collectionTables[collection].id, mergedIds) : undefined,
    );
    const rows = (await tx.select(selection).from(reference.table).where(where)) as Record<string, unknown>[];
    const keyIndex = reference.key.indexOf(reference.column);
    const taken = new Set<string>();
    if (reference.uniqueWith) {
      const survivorRows = (await tx
        .select({ unique: reference.uniqueWith[0]! })
        .from(reference.table)
        .where(eq(reference.column, survivorId))) as { unique: unknown }[];
      for (const row of survivorRows) taken.add(String(row.unique));
    }
    for (const row of rows) {
      const key = reference.key.map((_, index) => row[`k${index}`]);
      const owner = (row.owner as string | undefined) ?? null;
      if (reference.shape === 'array') {
        const before = row.value as string[];
        const after = [...new Set(before.map((id) => (mergedIds.includes(id) ? survivorId : id)))];
        await tx
          .update(reference.table)
          .set({ [columnKey(reference)]: after } as never)
          .where(keyMatches(reference, key));
        changes.moved.push({ reference: reference.name, key, owner, before, after });
        continue;
      }
      if (reference.uniqueWith) {
        const unique = String(row[`k${reference.key.indexOf(reference.uniqueWith[0]!)}`]);
        if (taken.has(unique)) {
          const [full] = await readRawRows(tx, reference.table, keyMatches(reference, key));
          await tx.delete(reference.table).where(keyMatches(reference, key));
          changes.dropped.push({ reference: reference.name, owner, row: full! });
          continue;
        }
        taken.add(unique);
      }
      // A survivor pointing at a record merged into it would point at itself: the link ends.
      const after = ownTable && key[0] === survivorId ? null : survivorId;
      await tx
        .update(reference.table)
        .set({ [columnKey(reference)]: after } as never)
        .where(keyMatches(reference, key));
      const keyAfter = keyIndex >= 0 ? key.map((value, index) => (index === keyIndex ? after : value)) : key;
      changes.moved.push({ reference: reference.name, key: keyAfter, owner, before: row.value, after });
    }
  }

  /** Puts one moved link back, unless it was changed since. */
  async function restoreLink(tx: Transaction, link: MovedLink, mergedIds: string[], survivorId: string) {
    const reference = referenceNamed(link.reference);
    const key = columnKey(reference);
    if (reference.shape === 'array') {
      const [row] = (await tx
        .select({ value: reference.column })
        .from(reference.table)
        .where(keyMatches(reference, link.key))) as { value: string[] }[];
      if (!row) return;
      const before = link.before as string[];
      const kept = row.value.filter((id) => id !== survivorId || before.includes(survivorId));
      const restored = [...new Set([...kept, ...before.filter((id) => mergedIds.includes(id))])];
      await tx
        .update(reference.table)
        .set({ [key]: restored } as never)
        .where(keyMatches(reference, link.key));
      return;
    }
    await tx
      .update(reference.table)
      .set({ [key]: link.before } as never)
      .where(
        and(
          keyMatches(reference, link.key),
          link.after === null ? isNull(reference.column) : eq(reference.column, link.after),
        ),
      );
  }

  function toMergeRecord(row: typeof merges.$inferSelect): MergeRecord {
    return {
      id: row.id,
      collection: row.collection,
      survivorId: row.survivorId,
      survivorName: row.survivorName,
      mergedIds: row.mergedIds,
      mergedNames: row.mergedNames,
      movedLinks: row.changes.moved.length + row.changes.dropped.length,
      createdAt: toIso(row.createdAt)!,
      createdByEmail: row.createdByEmail,
      undoneAt: toIso(row.undoneAt),
    };
  }

  async function lockRows(tx: Transaction, collection: MergeCollection, ids: string[]) {
    const table = collectionTables[collection];
    const rows = (await tx
      .select()
      .from(table)
      .where(inArray(table.id, ids))
      .orderBy(table.id)
      .for('update')) as CollectionRow[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  async function writeSurvivor(
    tx: Transaction,
    collection: MergeCollection,
    survivor: CollectionRow,
    aliases: string[],
  ) {
    const table = collectionTables[collection];
    await tx
      .update(table)
      .set({
        aliases,
        searchText: searchTextOf[collection]({ ...survivor, aliases }),
        version: survivor.version + 1,
        updatedAt: new Date(),
      } as never)
      .where(eq(table.id, survivor.id));
  }

  /** Tells the accounts module when a merge moved accounts to another unit. */
  async function afterCommit(record: MergeRecord, changes: MergeChanges) {
    if (changes.moved.some((link) => link.reference === 'users.organisation_id')) await onAccountsChanged?.();
    return record;
  }

  async function merge(collection: MergeCollection, input: MergeInput, actor: Actor): Promise<MergeRecord> {
    const { survivorId, mergedIds } = input;
    const recordType = collectionRecordTypes[collection];
    const table = collectionTables[collection];
    const { record, changes } = await db.transaction(async (tx) => {
      const locked = await lockRows(tx, collection, [survivorId, ...mergedIds]);
      const missing = [survivorId, ...mergedIds].filter((id) => !locked.has(id));
      if (missing.length > 0)
        throw commonErrors.notFound(`There is no ${recordType} with id ${missing.join(', ')}.`);
      const survivor = locked.get(survivorId)!;
      const mergedRows = mergedIds.map((id) => locked.get(id)!);
      const changes: MergeChanges = {
        moved: [],
        dropped: [],
        mergedRows: await readRawRows(tx, table, inArray(table.id, mergedIds)),
        aliasesAdded: [],
      };

      // Images before anything moves: the survivor, the merged records and every record whose links move.
      const owners = new Map<keyof Readers, Set<string>>();
      const references = mergeReferences.filter((reference) => reference.target === collection);
      for (const reference of references) {
        if (!reference.owner) continue;
        const rows = (await tx
          .select({ owner: reference.owner.idColumn })
          .from(reference.table)
          .where(
            and(
              reference.shape === 'array'
                ? sql`${reference.column} && ${uuidArray(mergedIds)}`
                : inArray(reference.column, mergedIds),
              reference.only,
            ),
          )) as { owner: string }[];
        for (const row of rows) addOwner(owners, reference.owner.recordType, row.owner);
      }
      const selfType = recordType as keyof Readers;
      for (const id of mergedIds) owners.get(selfType)?.delete(id);
      owners.get(selfType)?.delete(survivorId);
      const before = await imagesOf(
        tx,
        new Map([
          ...owners,
          [selfType, new Set([survivorId, ...mergedIds, ...(owners.get(selfType) ?? [])])],
        ]),
      );

      for (const reference of references)
        await moveReference(tx, reference, collection, survivorId, mergedIds, changes);
      afterStep?.('moved');

      // The merged names become the survivor's aliases (a spelling it already has is not repeated).
      const known = new Set(spellingsOf(collection, survivor).map(foldText));
      for (const row of mergedRows) {
        for (const spelling of spellingsOf(collection, row)) {
          if (known.has(foldText(spelling))) continue;
          known.add(foldText(spelling));
          changes.aliasesAdded.push(spelling);
        }
      }
      await writeSurvivor(tx, collection, survivor, [...survivor.aliases, ...changes.aliasesAdded]);

      await tx.delete(table).where(inArray(table.id, mergedIds));
      afterStep?.('deleted');
      for (const id of mergedIds)
        await writeAudit(tx, {
          actor,
          action: 'delete',
          recordType,
          recordId: id,
          before: before.get(`${recordType}:${id}`) ?? null,
          after: null,
        });
      const [survivorAfter] = (await readers[selfType].readMany(tx, [survivorId])) as Record<
        string,
        unknown
      >[];
      await writeAudit(tx, {
        actor,
        action: 'update',
        recordType,
        recordId: survivorId,
        before: before.get(`${recordType}:${survivorId}`) ?? null,
        after: survivorAfter!,
      });
      await auditOwners(tx, owners, before, actor);

      const [row] = await tx
        .insert(merges)
        .values({
          collection,
          survivorId,
          mergedIds,
          survivorName: labelOf(collection, survivor),
          mergedNames: mergedRows.map((merged) => labelOf(collection, merged)),
          changes,
          createdBy: actor.userId,
          createdByEmail: actor.email,
        })
        .returning();
      return { record: toMergeRecord(row!), changes };
    });
    return afterCommit(record, changes);
  }

  async function undo(id: string, actor: Actor): Promise<MergeRecord> {
    const { record, changes } = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(merges).where(eq(merges.id, id)).for('update');
      if (!row) throw commonErrors.notFound(`There is no merge with id ${id}.`);
      if (row.undoneAt) throw mergeErrors.alreadyUndone('This merge was already undone.');
      const { collection, survivorId, mergedIds, changes } = row;
      const recordType = collectionRecordTypes[collection];
      const selfType = recordType as keyof Readers;
      const table = collectionTables[collection];
      const locked = await lockRows(tx, collection, [survivorId, ...mergedIds]);
      const survivor = locked.get(survivorId);
      if (!survivor)
        throw mergeErrors.survivorGone(
          `The ${recordType} the others were merged into was deleted since; restore it first.`,
        );
      const back = mergedIds.filter((mergedId) => locked.has(mergedId));
      if (back.length > 0)
        throw mergeErrors.mergedBack(`A merged ${recordType} exists again (${back.join(', ')}).`);

      const owners = new Map<keyof Readers, Set<string>>();
      for (const link of [...changes.moved, ...changes.dropped]) {
        const reference = referenceNamed(link.reference);
        if (
          reference.owner &&
          !(reference.owner.recordType === recordType && mergedIds.includes(link.owner!))
        )
          addOwner(owners, reference.owner.recordType, link.owner);
      }
      owners.get(selfType)?.delete(survivorId);
      const existingOwners = new Map<keyof Readers, Set<string>>();
      const before = await imagesOf(
        tx,
        new Map([...owners, [selfType, new Set([survivorId, ...(owners.get(selfType) ?? [])])]]),
      );
      for (const [type, set] of owners)
        existingOwners.set(type, new Set([...set].filter((ownerId) => before.has(`${type}:${ownerId}`))));

      // The merged records as they were; links among themselves (a parent merged with its unit)
      // are set once all of them exist again.
      const selfLinks = collection === 'organisations' ? ['parent_id', 'successor_id'] : [];
      await insertRawRows(
        tx,
        table,
        changes.mergedRows.map((merged) => ({
          ...merged,
          ...Object.fromEntries(selfLinks.map((column) => [column, null])),
        })),
      );
      for (const merged of changes.mergedRows) {
        if (selfLinks.length === 0) break;
        await tx
          .update(organisations)
          .set({
            parentId: (merged.parent_id as string | null) ?? null,
            successorId: (merged.successor_id as string | null) ?? null,
          })
          .where(eq(organisations.id, merged.id as string));
      }
      for (const link of [...changes.moved].reverse()) await restoreLink(tx, link, mergedIds, survivorId);
      for (const dropped of changes.dropped) {
        const reference = referenceNamed(dropped.reference);
        await insertRawRows(tx, reference.table, [dropped.row]);
      }
      afterStep?.('restored');

      const added = new Set(changes.aliasesAdded);
      await writeSurvivor(
        tx,
        collection,
        survivor,
        survivor.aliases.filter((alias) => !added.has(alias)),
      );
      const [survivorAfter] = (await readers[selfType].readMany(tx, [survivorId])) as Record<
        string,
        unknown
      >[];
      await writeAudit(tx, {
        actor,
        action: 'update',
        recordType,
        recordId: survivorId,
        before: before.get(`${recordType}:${survivorId}`) ?? null,
        after: survivorAfter!,
      });
      for (const restored of (await readers[selfType].readMany(tx, mergedIds)) as Record<string, unknown>[])
        await writeAudit(tx, {
          actor,
          action: 'create',
          recordType,
          recordId: String(restored.id),
          before: null,
          after: restored,
        });
      await auditOwners(tx, existingOwners, before, actor);
      const [undone] = await tx
        .update(merges)
        .set({ undoneAt: new Date(), undoneBy: actor.userId })
        .where(eq(merges.id, id))
        .returning();
      return { record: toMergeRecord(undone!), changes };
    });
    return afterCommit(record, changes);
  }

  return {
    merge,
    undo,
    async list(query: MergeListQuery): Promise<ListPage<MergeRecord>> {
      const where = query.collection ? eq(merges.collection, query.collection) : undefined;
      const rows = await db
        .select()
        .from(merges)
        .where(where)
        .orderBy(desc(merges.createdAt), desc(merges.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const counted = await countCapped(db, merges, where, limits.listCountCap);
      return { items: rows.map(toMergeRecord), ...counted, page: query.page, pageSize: query.pageSize };
    },
  };
}

function referenceNamed(name: string): MergeReference {
  const reference = mergeReferences.find((candidate) => candidate.name === name);
  if (!reference) throw new Error(`A merge names the unknown reference ${name}.`);
  return reference;
}

/** The property name Drizzle knows the reference's column by. */
function columnKey(reference: MergeReference): string {
  const entry = Object.entries(getTableColumns(reference.table)).find(
    ([, column]) => column === reference.column,
  );
  if (!entry) throw new Error(`${reference.name} names no column of its table.`);
  return entry[0];
}

export type MergesService = ReturnType<typeof createMergesService>;
