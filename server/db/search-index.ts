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

/** How a GIN index takes new rows. By default straight into the index: a "fast update" index
 * keeps them in a pending list that every search reads through, row by row, until a vacuum
 * merges it, and autovacuum never runs on PGlite (nor where it is turned off); 4 MB of pending
 * rows cost 5–10 ms a search per index. Tables written in batches (sources) keep a short pending
 * list instead, so a batch insert stays one merge per 256 kB. */
export type GinWrites = { fastupdate: false } | { gin_pending_list_limit: number };
const directWrites: GinWrites = { fastupdate: false };
export const batchWrites: GinWrites = { gin_pending_list_limit: 256 };

/** The GIN index free-text search uses. */
export function searchIndex(
  table: string,
  vector: ExtraConfigColumn,
  name = 'search',
  writes: GinWrites = directWrites,
) {
  return index(`${table}_${name}_idx`).using('gin', vector).with(writes);
}

/** A trigram index over folded names, so a name with one wrong letter is still found. */
export function trigramIndex(table: string, searchText: ExtraConfigColumn) {
  return index(`${table}_trgm_idx`).using('gin', searchText.op('gin_trgm_ops')).with(directWrites);
}

/** A GIN index over an array column, for `@>` filters. */
export function arrayIndex(name: string, column: ExtraConfigColumn, writes: GinWrites = directWrites) {
  return index(name).using('gin', column).with(writes);
}
