import { z } from 'zod';
import { limits } from '../domain/limits.ts';

export const searchTypes = [
  'partner',
  'organisation',
  'person',
  'agreement',
  'event',
  'commitment',
  'source',
  'area',
] as const;
export type SearchType = (typeof searchTypes)[number];

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(limits.searchQueryMax),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});

const range = z.object({ start: z.number().int(), end: z.number().int() });

export const searchHit = z.object({
  id: z.string(),
  label: z.string(),
  snippet: z.string().nullable(),
  /** Where the query's words occur in label and snippet, for highlighting. */
  labelMatches: z.array(range),
  snippetMatches: z.array(range),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  query: z.string(),
  groups: z.array(
    z.object({
      type: z.enum(searchTypes),
      /** Exact up to limits.listCountCap; past it the cap, with isTotalCapped. */
      total: z.number().int(),
      isTotalCapped: z.boolean(),
      items: z.array(searchHit),
    }),
  ),
});
export type SearchResult = z.infer<typeof searchResult>;
