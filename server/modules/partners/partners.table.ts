import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { searchIndex, searchWordsVector, trigramIndex } from '../../db/search-index.ts';

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['country', 'organisation'] }).notNull(),
    /** ISO 3166-1 alpha-2 for countries, the acronym for international organisations (WHO, JICA). */
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('partners_code_unique').on(sql`upper(${table.code})`),
    index('partners_name_id_idx').on(table.nameVi, table.id),
    searchIndex('partners', table.searchVector),
    trigramIndex('partners', table.searchText),
  ],
);
