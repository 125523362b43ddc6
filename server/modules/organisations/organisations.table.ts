import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { lineageKinds, organisationKinds } from '../../../common/domain/enums.ts';
import { searchIndex, searchWordsVector, trigramIndex } from '../../db/search-index.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    countryCode: text('country_code'),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, { onDelete: 'restrict' }),
    /** Other spellings and former names (before the 2025 reorganisation of ministries' units). */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    /** After a reorganisation: the organisation this one was merged into or renamed to, from a date;
     * records attached to this one show under the successor. */
    successorId: uuid('successor_id').references((): AnyPgColumn => organisations.id, {
      onDelete: 'restrict',
    }),
    lineageKind: text('lineage_kind', { enum: lineageKinds }),
    lineageFrom: date('lineage_from', { mode: 'string' }),
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('organisations_country_idx').on(table.countryCode),
    index('organisations_successor_idx').on(table.successorId),
    index('organisations_parent_idx').on(table.parentId),
    index('organisations_name_id_idx').on(table.nameVi, table.id),
    searchIndex('organisations', table.searchVector),
    trigramIndex('organisations', table.searchText),
  ],
);
