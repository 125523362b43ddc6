import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { languages, recordTypes, sourceReviewStatuses } from '../../../common/domain/enums.ts';
import { arrayIndex, batchWrites, searchIndex, searchWordsVector, tsvector } from '../../db/search-index.ts';

export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    outlet: text('outlet'),
    url: text('url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    language: text('language', { enum: languages }).notNull().default('vi'),
    lead: text('lead'),
    /** The cleaned text the reader worked on; every provenance span points into it. */
    text: text('text').notNull(),
    draft: jsonb('draft'),
    /** Partners and areas the accepted review found, for related news and portal pages. */
    partnerIds: uuid('partner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    areaIds: text('area_ids').array().notNull().default(sql`'{}'::text[]`),
    reviewStatus: text('review_status', { enum: sourceReviewStatuses }).notNull().default('draft'),
    isPublished: boolean('is_published').notNull().default(false),
    /** Folded words of the title and outlet: labels, searched first. */
    searchText: text('search_text').notNull().default(''),
    /** Every word of title, outlet and text, folded: the full-text index (no copy of the text). */
    searchVector: tsvector('search_vector').notNull().default(sql`''::tsvector`),
    /** The words of search_text (title and outlet), kept by the database. */
    searchLabelVector: searchWordsVector('search_label_vector'),
    /** sha256 of the text with case, Unicode form and spacing normalised: a batch import skips an
     * article whose hash is already stored. */
    textHash: text('text_hash'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sources_published_idx').on(table.publishedAt),
    index('sources_created_id_idx').on(table.createdAt, table.id),
    // The portal's order (newest published first, undated last), over published rows only.
    index('sources_portal_news_idx')
      .on(sql`${table.publishedAt} desc nulls last`, sql`${table.createdAt} desc`)
      .where(sql`${table.isPublished}`),
    searchIndex('sources', table.searchLabelVector, 'search_label', batchWrites),
    searchIndex('sources', table.searchVector, 'search', batchWrites),
    arrayIndex('sources_partner_ids_idx', table.partnerIds, batchWrites),
    arrayIndex('sources_area_ids_idx', table.areaIds, batchWrites),
    index('sources_text_hash_idx').on(table.textHash),
    // A hash index: a URL can pass the size a btree entry allows.
    index('sources_url_idx').using('hash', table.url),
  ],
);

/** Provenance: which characters of a source support which field of which record. */
export const provenanceSpans = pgTable(
  'provenance_spans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    recordType: text('record_type', { enum: recordTypes }).notNull(),
    recordId: text('record_id').notNull(),
    field: text('field').notNull().default('*'),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
  },
  (table) => [
    index('provenance_record_idx').on(table.recordType, table.recordId),
    index('provenance_source_idx').on(table.sourceId),
  ],
);
