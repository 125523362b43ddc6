import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisationKinds } from '../../../common/domain/enums.ts';
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
    searchText: text('search_text').notNull().default(''),
    searchVector: searchWordsVector(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('organisations_country_idx').on(table.countryCode),
    index('organisations_name_id_idx').on(table.nameVi, table.id),
    searchIndex('organisations', table.searchVector),
    trigramIndex('organisations', table.searchText),
  ],
);
