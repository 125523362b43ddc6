import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { searchIndex, searchWordsVector } from '../../db/search-index.ts';

/** A node of the cooperation taxonomy; ids are the stable keys of reader/lexicons/areas.json. */
export const areas = pgTable(
  'areas',
  {
    id: text('id').primaryKey(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    dacCode: integer('dac_code'),
    keywordsVi: text('keywords_vi').array().notNull().default(sql`'{}'::text[]`),
    parentId: text('parent_id'),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A small table, but search reads it with sequential scans switched off (withTextIndexOnly):
  // without its own index the planner is left with nothing good (160–200 ms a query).
  (table) => [searchIndex('areas', table.searchVector)],
);
