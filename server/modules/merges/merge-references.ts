import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { MergeCollection, RecordType } from '../../../common/domain/enums.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { eventParticipants } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { people, positions } from '../people/people.table.ts';
import { provenanceSpans } from '../sources/sources.table.ts';
import { users } from '../users/users.table.ts';

// The one list of every column that holds a person's or an organisation's id: a merge moves each
// of them to the survivor and its undo moves them back. merge-references.test.ts fails when the
// schema gains a column holding such an id that is not listed here (or in `notMoved`).

export type MergeReference = {
  /** Stable name, stored in a merge's changes. */
  name: string;
  target: MergeCollection;
  table: PgTable;
  column: PgColumn;
  shape: 'scalar' | 'array';
  /** Columns that name one row, for putting it back. */
  key: PgColumn[];
  /** The audited record that shows this link, by the column holding its id. */
  owner?: { recordType: RecordType; idColumn: PgColumn };
  /** Holds ids of several kinds: only rows of the collection's kind (provenance spans). */
  only?: SQL;
  /** Part of a unique key with these columns: a row that would repeat the survivor's is dropped
   * (and kept in the merge, to restore). */
  uniqueWith?: PgColumn[];
};

export const mergeReferences: MergeReference[] = [
  {
    name: 'event_participants.person_id',
    target: 'people',
    table: eventParticipants,
    column: eventParticipants.personId,
    shape: 'scalar',
    key: [eventParticipants.eventId, eventParticipants.personId],
    owner: { recordType: 'event', idColumn: eventParticipants.eventId },
    uniqueWith: [eventParticipants.eventId],
  },
  {
    name: 'positions.person_id',
    target: 'people',
    table: positions,
    column: positions.personId,
    shape: 'scalar',
    key: [positions.id],
  },
  {
    name: 'provenance_spans.person',
    target: 'people',
    table: provenanceSpans,
    column: provenanceSpans.recordId,
    shape: 'scalar',
    key: [provenanceSpans.id],
    only: sql`${provenanceSpans.recordType} = 'person'`,
  },
  {
    name: 'organisations.parent_id',
    target: 'organisations',
    table: organisations,
    column: organisations.parentId,
    shape: 'scalar',
    key: [organisations.id],
    owner: { recordType: 'organisation', idColumn: organisations.id },
  },
  {
    name: 'organisations.successor_id',
    target: 'organisations',
    table: organisations,
    column: organisations.successorId,
    shape: 'scalar',
    key: [organisations.id],
    owner: { recordType: 'organisation', idColumn: organisations.id },
  },
  {
    name: 'positions.organisation_id',
    target: 'organisations',
    table: positions,
    column: positions.organisationId,
    shape: 'scalar',
    key: [positions.id],
    owner: { recordType: 'person', idColumn: positions.personId },
  },
  {
    name: 'event_participants.organisation_id',
    target: 'organisations',
    table: eventParticipants,
    column: eventParticipants.organisationId,
    shape: 'scalar',
    key: [eventParticipants.eventId, eventParticipants.personId],
    owner: { recordType: 'event', idColumn: eventParticipants.eventId },
  },
  {
    name: 'commitments.vn_owner_ids',
    target: 'organisations',
    table: commitments,
    column: commitments.vnOwnerIds,
    shape: 'array',
    key: [commitments.id],
    owner: { recordType: 'commitment', idColumn: commitments.id },
  },
  {
    name: 'commitments.partner_owner_ids',
    target: 'organisations',
    table: commitments,
    column: commitments.partnerOwnerIds,
    shape: 'array',
    key: [commitments.id],
    owner: { recordType: 'commitment', idColumn: commitments.id },
  },
  {
    name: 'users.organisation_id',
    target: 'organisations',
    table: users,
    column: users.organisationId,
    shape: 'scalar',
    key: [users.id],
    owner: { recordType: 'user', idColumn: users.id },
  },
  {
    name: 'agreements.signing_unit_id',
    target: 'organisations',
    table: agreements,
    column: agreements.signingUnitId,
    shape: 'scalar',
    key: [agreements.id],
    owner: { recordType: 'agreement', idColumn: agreements.id },
  },
  {
    name: 'provenance_spans.organisation',
    target: 'organisations',
    table: provenanceSpans,
    column: provenanceSpans.recordId,
    shape: 'scalar',
    key: [provenanceSpans.id],
    only: sql`${provenanceSpans.recordType} = 'organisation'`,
  },
];

/** Id columns (`table.column`) that hold no person's or organisation's id, or hold one as history
 * that a merge must not rewrite. Every uuid column of the schema is in one of the two lists. */
export const notMoved: Record<string, string> = {
  'agreements.party_ids': 'partners',
  'agreements.source_ids': 'sources',
  'audit_log.user_id': 'history: the account that wrote',
  'audit_log.record_id': 'history: the trail keeps both records',
  'calendar_feeds.user_id': 'accounts',
  'commitments.agreement_id': 'agreements',
  'commitments.event_id': 'events',
  'commitments.source_id': 'sources',
  'progress_updates.commitment_id': 'commitments',
  'progress_updates.author_id': 'accounts',
  'progress_updates.source_id': 'sources',
  'notifications.user_id': 'accounts',
  'notifications.record_id': 'reminders name commitments and agreements',
  'notification_mutes.user_id': 'accounts',
  'notification_mutes.record_id': 'reminders name commitments and agreements',
  'notification_preferences.user_id': 'accounts',
  'events.partner_ids': 'partners',
  'events.agreement_ids': 'agreements',
  'events.source_ids': 'sources',
  'event_participants.event_id': 'events',
  'imports.created_by': 'accounts',
  'import_items.import_id': 'imports',
  'import_items.source_id': 'sources',
  'merges.survivor_id': 'history: the merge itself',
  'merges.merged_ids': 'history: the merge itself',
  'merges.created_by': 'accounts',
  'merges.undone_by': 'accounts',
  'duplicate_dismissals.first_id': 'history: a dismissed pair stays dismissed',
  'duplicate_dismissals.second_id': 'history: a dismissed pair stays dismissed',
  'duplicate_dismissals.created_by': 'accounts',
  'provenance_spans.source_id': 'sources',
  'sources.partner_ids': 'partners',
  'sessions.user_id': 'accounts',
  'agreements.policy_ids': 'policies',
  'events.policy_ids': 'policies',
  'commitments.policy_ids': 'policies',
  'attached_documents.record_id': 'agreements, events and commitments',
  'attached_documents.uploaded_by': 'accounts',
};

/** One row's link as the merge found it: the row by its key (in `MergeReference.key` order, after
 * the change), the audited record showing it, the value before and after. */
export type MovedLink = {
  reference: string;
  key: unknown[];
  owner: string | null;
  before: unknown;
  after: unknown;
};

/** What a merge changed, enough to undo it. */
export type MergeChanges = {
  /** Scalar links moved (array links: before and after are whole arrays). */
  moved: MovedLink[];
  /** Rows dropped because the survivor already had the same (a shared event). */
  dropped: { reference: string; owner: string | null; row: Record<string, unknown> }[];
  /** The merged records' rows as they were. */
  mergedRows: Record<string, unknown>[];
  /** Aliases added to the survivor. */
  aliasesAdded: string[];
};

export const collectionTables = { people, organisations } as const;
export const collectionRecordTypes = { people: 'person', organisations: 'organisation' } as const;
