import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type {
  HolderCollection,
  RecordUse,
  RecordUses,
  UsedCollection,
} from '../../../common/contracts/record-uses.ts';
import type { RecordType } from '../../../common/domain/enums.ts';
import type { Executor } from '../../db/client.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { attachedDocuments } from '../documents/documents.table.ts';
import { eventParticipants, events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import { people, positions } from '../people/people.table.ts';
import { policies } from '../policies/policies.table.ts';
import { provenanceSpans, sources } from '../sources/sources.table.ts';
import { users } from '../users/users.table.ts';

// The one home for "what uses a record": every place an id of one record is kept in another,
// declared once. Delete refusals, the uses list and "replace with…" all read this list, so a new
// reference added here is refused, listed and moved everywhere at once.

type Collection = {
  table: PgTable & { id: PgColumn };
  recordType: RecordType;
  /** What a use is shown as. */
  label: SQL;
  /** Areas have text ids; every other record a UUID. */
  idType: 'uuid' | 'text';
};

const firstOf = (a: PgColumn, b: PgColumn) => sql`coalesce(nullif(${a}, ''), ${b})`;

export const collections: Record<HolderCollection, Collection> = {
  partners: {
    table: partners,
    recordType: 'partner',
    label: firstOf(partners.nameVi, partners.nameEn),
    idType: 'uuid',
  },
  organisations: {
    table: organisations,
    recordType: 'organisation',
    label: firstOf(organisations.nameVi, organisations.nameEn),
    idType: 'uuid',
  },
  people: { table: people, recordType: 'person', label: sql`${people.name}`, idType: 'uuid' },
  agreements: {
    table: agreements,
    recordType: 'agreement',
    label: firstOf(agreements.titleVi, agreements.titleEn),
    idType: 'uuid',
  },
  events: { table: events, recordType: 'event', label: sql`${events.title}`, idType: 'uuid' },
  commitments: {
    table: commitments,
    recordType: 'commitment',
    label: sql`left(${commitments.text}, 200)`,
    idType: 'uuid',
  },
  areas: { table: areas, recordType: 'area', label: sql`${areas.labelVi}`, idType: 'text' },
  sources: { table: sources, recordType: 'source', label: sql`${sources.title}`, idType: 'uuid' },
  users: { table: users, recordType: 'user', label: sql`${users.email}`, idType: 'uuid' },
  policies: { table: policies, recordType: 'policy', label: sql`${policies.number}`, idType: 'uuid' },
};

const collectionOfType = Object.fromEntries(
  Object.entries(collections).map(([name, collection]) => [collection.recordType, name]),
) as Partial<Record<RecordType, HolderCollection>>;

/** A list kept in a table of its own (an event's participants, a person's positions): the rows
 * as the holder's update takes them, in order, and the key the used id sits under. */
type ChildList = {
  rows: (executor: Executor, holderId: string) => Promise<Record<string, unknown>[]>;
  key: string;
  /** At most one row per used record (an event lists a person once). */
  unique?: boolean;
};

export type Reference = {
  /** The collection whose records are used. */
  target: UsedCollection;
  /** Where the id is kept, and whether the column holds a list of ids. */
  column: PgColumn;
  many?: boolean;
  /** The collection of the record holding the use, and the column giving its id. */
  holder: HolderCollection;
  holderId: PgColumn;
  /** The holder's field, as its update takes it. */
  field: string;
  child?: ChildList;
};

const participants: ChildList = {
  key: 'personId',
  unique: true,
  rows: (executor, eventId) =>
    executor
      .select({
        personId: eventParticipants.personId,
        role: eventParticipants.role,
        title: eventParticipants.title,
        organisationId: eventParticipants.organisationId,
      })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, eventId))
      .orderBy(asc(eventParticipants.position)),
};

const positionRows = (executor: Executor, personId: string) =>
  executor
    .select({
      title: positions.title,
      organisationId: positions.organisationId,
      startOn: positions.startOn,
      endOn: positions.endOn,
    })
    .from(positions)
    .where(eq(positions.personId, personId))
    .orderBy(asc(positions.startOn), asc(positions.id));

const filedUnder = (
  table: typeof agreements | typeof events | typeof commitments | typeof sources,
  holder: HolderCollection,
): Reference => ({
  target: 'areas',
  column: table.areaIds,
  many: true,
  holder,
  holderId: table.id,
  field: 'areaIds',
});

const citesPolicies = (
  table: typeof agreements | typeof events | typeof commitments,
  holder: HolderCollection,
): Reference => ({
  target: 'policies',
  column: table.policyIds,
  many: true,
  holder,
  holderId: table.id,
  field: 'policyIds',
});

/** Every reference from one record to another. */
export const references: readonly Reference[] = [
  citesPolicies(agreements, 'agreements'),
  citesPolicies(events, 'events'),
  citesPolicies(commitments, 'commitments'),
  // Organisations
  {
    target: 'organisations',
    column: organisations.parentId,
    holder: 'organisations',
    holderId: organisations.id,
    field: 'parentId',
  },
  {
    target: 'organisations',
    column: organisations.successorId,
    holder: 'organisations',
    holderId: organisations.id,
    field: 'successorId',
  },
  {
    target: 'organisations',
    column: positions.organisationId,
    holder: 'people',
    holderId: positions.personId,
    field: 'positions',
    child: { key: 'organisationId', rows: positionRows },
  },
  {
    target: 'organisations',
    column: commitments.vnOwnerIds,
    many: true,
    holder: 'commitments',
    holderId: commitments.id,
    field: 'vnOwnerIds',
  },
  {
    target: 'organisations',
    column: commitments.partnerOwnerIds,
    many: true,
    holder: 'commitments',
    holderId: commitments.id,
    field: 'partnerOwnerIds',
  },
  {
    target: 'organisations',
    column: users.organisationId,
    holder: 'users',
    holderId: users.id,
    field: 'organisationId',
  },
  {
    target: 'organisations',
    column: agreements.signingUnitId,
    holder: 'agreements',
    holderId: agreements.id,
    field: 'signingUnitId',
  },
  {
    target: 'organisations',
    column: eventParticipants.organisationId,
    holder: 'events',
    holderId: eventParticipants.eventId,
    field: 'participants',
    child: { ...participants, key: 'organisationId', unique: false },
  },
  // Partners
  {
    target: 'partners',
    column: agreements.partyIds,
    many: true,
    holder: 'agreements',
    holderId: agreements.id,
    field: 'partyIds',
  },
  {
    target: 'partners',
    column: events.partnerIds,
    many: true,
    holder: 'events',
    holderId: events.id,
    field: 'partnerIds',
  },
  {
    target: 'partners',
    column: sources.partnerIds,
    many: true,
    holder: 'sources',
    holderId: sources.id,
    field: 'partnerIds',
  },
  // People
  {
    target: 'people',
    column: eventParticipants.personId,
    holder: 'events',
    holderId: eventParticipants.eventId,
    field: 'participants',
    child: participants,
  },
  // Agreements and events
  {
    target: 'agreements',
    column: commitments.agreementId,
    holder: 'commitments',
    holderId: commitments.id,
    field: 'agreementId',
  },
  {
    target: 'agreements',
    column: events.agreementIds,
    many: true,
    holder: 'events',
    holderId: events.id,
    field: 'agreementIds',
  },
  {
    target: 'events',
    column: commitments.eventId,
    holder: 'commitments',
    holderId: commitments.id,
    field: 'eventId',
  },
  // Areas
  { target: 'areas', column: areas.parentId, holder: 'areas', holderId: areas.id, field: 'parentId' },
  filedUnder(agreements, 'agreements'),
  filedUnder(events, 'events'),
  filedUnder(commitments, 'commitments'),
  filedUnder(sources, 'sources'),
  // Sources
  {
    target: 'sources',
    column: agreements.sourceIds,
    many: true,
    holder: 'agreements',
    holderId: agreements.id,
    field: 'sourceIds',
  },
  {
    target: 'sources',
    column: events.sourceIds,
    many: true,
    holder: 'events',
    holderId: events.id,
    field: 'sourceIds',
  },
  {
    target: 'sources',
    column: commitments.sourceId,
    holder: 'commitments',
    holderId: commitments.id,
    field: 'sourceId',
  },
];

/** Records whose fields the article supports: provenance spans name their record by type. */
const provenance = { target: 'sources' as const, field: 'provenance' };

/** Files attached to a record (documents name their record by type): a record is not deleted from
 * under its signed text or minutes; each file is listed as a use of the record's own page, where
 * the documents panel removes it. */
const withDocuments: Partial<Record<UsedCollection, RecordType>> = {
  agreements: 'agreement',
  events: 'event',
  commitments: 'commitment',
  sources: 'source',
};

/** How many holders of one kind of use are listed at most. */
export const usesListedPerReference = 100;

function pointsAt(reference: Reference, id: string): SQL {
  const idType = sql.raw(collections[reference.target].idType);
  return reference.many
    ? sql`${reference.column} @> array[${id}::${idType}]`
    : sql`${reference.column} = ${id}::${idType}`;
}

/** The ids of the records holding one kind of use of the record. */
export async function holdersOf(executor: Executor, reference: Reference, id: string): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ id: reference.holderId })
    .from(reference.column.table)
    .where(pointsAt(reference, id))
    .limit(usesListedPerReference + 1);
  return rows.map((row) => String(row.id));
}

async function labelled(
  executor: Executor,
  holder: HolderCollection,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { table, label } = collections[holder];
  const rows = await executor
    .select({ id: table.id, label: sql<string>`${label}` })
    .from(table)
    .where(inArray(table.id, ids));
  return new Map(rows.map((row) => [String(row.id), String(row.label ?? '')]));
}

/** Every record that points at this one, with its label, one query after another (a
 * transaction is one connection). */
export async function findUses(executor: Executor, target: UsedCollection, id: string): Promise<RecordUses> {
  const items: RecordUse[] = [];
  let isCapped = false;
  for (const reference of references) {
    if (reference.target !== target) continue;
    const ids = await holdersOf(executor, reference, id);
    if (ids.length > usesListedPerReference) isCapped = true;
    const labels = await labelled(executor, reference.holder, ids.slice(0, usesListedPerReference));
    for (const [holderId, label] of labels) {
      // A record pointing at itself (an area its own parent) is no use by another.
      if (!(reference.holder === target && holderId === id))
        items.push({ collection: reference.holder, id: holderId, label, field: reference.field });
    }
  }
  if (target === provenance.target) {
    const spans = await executor
      .selectDistinct({ recordType: provenanceSpans.recordType, recordId: provenanceSpans.recordId })
      .from(provenanceSpans)
      .where(eq(provenanceSpans.sourceId, id))
      .limit(usesListedPerReference + 1);
    if (spans.length > usesListedPerReference) isCapped = true;
    const listed = new Set(items.map((item) => `${item.collection}/${item.id}`));
    for (const [recordType, holder] of Object.entries(collectionOfType)) {
      if (holder === 'sources') continue;
      const ids = spans.filter((span) => span.recordType === recordType).map((span) => span.recordId);
      // A span may outlive its record: only records still there are uses.
      const labels = await labelled(executor, holder, ids);
      for (const [holderId, label] of labels)
        if (!listed.has(`${holder}/${holderId}`))
          items.push({ collection: holder, id: holderId, label, field: provenance.field });
    }
  }
  const documentType = withDocuments[target];
  if (documentType) {
    const files = await executor
      .select({ id: attachedDocuments.id, fileName: attachedDocuments.fileName })
      .from(attachedDocuments)
      .where(
        sql`${attachedDocuments.recordType} = ${documentType} and ${attachedDocuments.recordId} = ${id}::uuid`,
      )
      .orderBy(asc(attachedDocuments.uploadedAt), asc(attachedDocuments.id))
      .limit(usesListedPerReference + 1);
    if (files.length > usesListedPerReference) isCapped = true;
    for (const file of files.slice(0, usesListedPerReference))
      items.push({ collection: target, id, label: file.fileName, field: 'documents' });
  }
  return { items, isCapped };
}

const nouns: Record<UsedCollection, string> = {
  partners: 'partner',
  organisations: 'organisation',
  people: 'person',
  agreements: 'agreement',
  events: 'event',
  commitments: 'commitment',
  areas: 'area',
  sources: 'source',
  policies: 'policy',
};

/** Refuses a delete (409 record.in_use) while other records use this one, listing each use, so
 * that no id is left pointing at nothing. */
export async function refuseWhileUsed(executor: Executor, target: UsedCollection, id: string): Promise<void> {
  const { items, isCapped } = await findUses(executor, target, id);
  if (items.length === 0) return;
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = `${item.collection}.${item.field}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const listed = [...counts].map(([key, count]) => `${count}${isCapped ? '+' : ''} ${key}`);
  throw commonErrors.inUse(
    `This ${nouns[target]} is still used by ${listed.join(', ')}; move or remove those uses first, or replace it with another record.`,
    [...counts].map(([key, count]) => ({ path: key, message: `${count} records use this ${nouns[target]}` })),
    { count: `${items.length}${isCapped ? '+' : ''}` },
    items,
  );
}
