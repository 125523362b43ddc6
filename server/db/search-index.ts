import { sql } from 'drizzle-orm';
import { customType, type ExtraConfigColumn, index } from 'drizzle-orm/pg-core';

/** A tsvector column: a table's searched words, positions kept for phrases (no copy of the text). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A tsvector column the database keeps equal to the words of `search_text` (a few words per
 * record: names, titles, summaries). Stored rather than an expression index, because a query
 * matching most rows would otherwise recompute every row's vector (0.2 ms each on PGlite). */
export function searchWordsVector(name = 'search_vector') {
  return tsvector(name).notNull().generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`);
}

/** The GIN index free-text search uses. */
export function searchIndex(table: string, vector: ExtraConfigColumn, name = 'search') {
  return index(`${table}_${name}_idx`).using('gin', vector);
}

/** A trigram index over folded names, so a name with one wrong letter is still found. */
export function trigramIndex(table: string, searchText: ExtraConfigColumn) {
  return index(`${table}_trgm_idx`).using('gin', searchText.op('gin_trgm_ops'));
}

/** A GIN index over an array column, for `@>` filters. */
export function arrayIndex(name: string, column: ExtraConfigColumn) {
  return index(name).using('gin', column);
}
