import { sql } from 'drizzle-orm';
import { customType, type ExtraConfigColumn, index } from 'drizzle-orm/pg-core';

/** A tsvector column: a table's searched words, positions kept for phrases (no copy of the text). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The GIN index free-text search uses: whole folded words of `search_text`. The expression must
 * stay exactly `searchVectorOf` in records.ts, or the planner will not use it. */
export function searchTextIndex(table: string, searchText: ExtraConfigColumn) {
  return index(`${table}_search_idx`).using('gin', sql`to_tsvector('simple'::regconfig, ${searchText})`);
}

/** A trigram index over folded names, so a name with one wrong letter is still found. */
export function trigramIndex(table: string, searchText: ExtraConfigColumn) {
  return index(`${table}_trgm_idx`).using('gin', searchText.op('gin_trgm_ops'));
}

/** A GIN index over an array column, for `@>` filters. */
export function arrayIndex(name: string, column: ExtraConfigColumn) {
  return index(name).using('gin', column);
}
