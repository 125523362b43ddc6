import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { mergeCollections } from '../../../common/domain/enums.ts';
import type { MergeChanges } from './merge-references.ts';

/** One merge of people or organisations: what moved where and the merged records as they were,
 * so that undo puts every link back. No foreign keys: the records it names may be gone. */
export const merges = pgTable(
  'merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collection: text('collection', { enum: mergeCollections }).notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedIds: uuid('merged_ids').array().notNull(),
    /** Names shown in the list after the records themselves are gone. */
    survivorName: text('survivor_name').notNull(),
    mergedNames: text('merged_names').array().notNull(),
    changes: jsonb('changes').$type<MergeChanges>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdByEmail: text('created_by_email'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by'),
  },
  (table) => [index('merges_created_idx').on(table.createdAt)],
);

/** A pair an editor said is not one record: no longer suggested as duplicates. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collection: text('collection', { enum: mergeCollections }).notNull(),
    /** The pair in sorted order, so either order names the same dismissal. */
    firstId: uuid('first_id').notNull(),
    secondId: uuid('second_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (table) => [uniqueIndex('duplicate_dismissals_pair').on(table.collection, table.firstId, table.secondId)],
);
