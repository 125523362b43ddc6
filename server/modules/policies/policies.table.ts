import { sql } from 'drizzle-orm';
import { date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { searchIndex, searchWordsVector } from '../../db/search-index.ts';

/** Vietnamese policy documents (resolutions, decisions) that agreements, events and commitments
 * cite in their policyIds. */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuingBody: text('issuing_body').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    url: text('url'),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('policies_number_unique').on(sql`upper(${table.number})`),
    searchIndex('policies', table.searchVector),
  ],
);
