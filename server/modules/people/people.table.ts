import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { searchIndex, searchWordsVector, trigramIndex } from '../../db/search-index.ts';
import { organisations } from '../organisations/organisations.table.ts';

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    honorific: text('honorific'),
    countryCode: text('country_code'),
    note: text('note'),
    /** Other spellings of the name: with or without marks, English, transliterations, names merged in. */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('people_country_idx').on(table.countryCode),
    // Search reads the newest matches of a common word in this order (search.service.ts).
    index('people_updated_idx').on(table.updatedAt),
    index('people_name_id_idx').on(table.name, table.id),
    searchIndex('people', table.searchVector),
    trigramIndex('people', table.searchText),
  ],
);

/** A title a person holds at an organisation over a period ("Thứ trưởng" at Bộ Y tế from 2021). */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
  },
  (table) => [
    index('positions_person_idx').on(table.personId),
    index('positions_org_idx').on(table.organisationId),
  ],
);
