import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commitmentStatuses } from '../../../common/domain/enums.ts';
import { arrayIndex, searchIndex, searchWordsVector } from '../../db/search-index.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { events } from '../events/events.table.ts';
import { sources } from '../sources/sources.table.ts';
import { users } from '../users/users.table.ts';

export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    text: text('text').notNull(),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'restrict' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'restrict' }),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    areaIds: text('area_ids').array().notNull().default(sql`'{}'::text[]`),
    vnOwnerIds: uuid('vn_owner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The Vietnamese policies (resolutions) this implements. */
    policyIds: uuid('policy_ids').array().notNull().default(sql`'{}'::uuid[]`),
    partnerOwnerIds: uuid('partner_owner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    dueOn: date('due_on', { mode: 'string' }),
    /** A horizon such as "by 2030" when no exact due date is agreed. */
    horizonYear: integer('horizon_year'),
    status: text('status', { enum: commitmentStatuses }).notNull().default('agreed'),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('commitments_due_id_idx').on(table.dueOn, table.id),
    searchIndex('commitments', table.searchVector),
    arrayIndex('commitments_area_ids_idx', table.areaIds),
    arrayIndex('commitments_vn_owner_ids_idx', table.vnOwnerIds),
    arrayIndex('commitments_policy_ids_idx', table.policyIds),
    arrayIndex('commitments_partner_owner_ids_idx', table.partnerOwnerIds),
    index('commitments_agreement_idx').on(table.agreementId),
    // Search reads the newest matches of a common word in this order (search.service.ts).
    index('commitments_updated_idx').on(table.updatedAt),
    index('commitments_event_idx').on(table.eventId),
    index('commitments_due_idx').on(table.dueOn),
  ],
);

export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    status: text('status', { enum: commitmentStatuses }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The article that reported this progress, when it came from a review. */
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('progress_commitment_idx').on(table.commitmentId)],
);
