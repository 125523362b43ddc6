import { and, desc, not, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SearchHit, SearchResult, SearchType } from '../../../common/contracts/search.ts';
import { limits } from '../../../common/domain/limits.ts';
import { findFoldedMatches, foldWords, toSearchWords } from '../../../common/domain/text.ts';
import type { Database, Executor } from '../../db/client.ts';
import { type RecordTable, searchVectorOf, toTsQuery, withTextIndexOnly } from '../../db/records.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import { people } from '../people/people.table.ts';
import { sources } from '../sources/sources.table.ts';

type Searchable = {
  type: SearchType;
  table: RecordTable;
  label: PgColumn;
  snippet: PgColumn | null;
  /** The order among equally good matches, newest first (an indexed column on long tables). */
  recency: PgColumn;
  /** Names: when no word matches exactly, a name one or two letters off is still found. */
  isName?: boolean;
  /** The areas a record is tagged with: an area matching the query brings its records. */
  areaIds?: PgColumn;
};

const searchables: Searchable[] = [
  {
    type: 'person',
    table: people,
    label: people.name,
    snippet: people.note,
    recency: people.updatedAt,
    isName: true,
  },
  {
    type: 'partner',
    table: partners,
    label: partners.nameVi,
    snippet: partners.nameEn,
    recency: partners.updatedAt,
    isName: true,
  },
  {
    type: 'organisation',
    table: organisations,
    label: organisations.nameVi,
    snippet: organisations.nameEn,
    recency: organisations.updatedAt,
    isName: true,
  },
  { type: 'area', table: areas, label: areas.labelVi, snippet: areas.labelEn, recency: areas.updatedAt },
  {
    type: 'agreement',
    table: agreements,
    label: agreements.titleVi,
    snippet: agreements.summary,
    recency: agreements.updatedAt,
    areaIds: agreements.areaIds,
  },
  {
    type: 'event',
    table: events,
    label: events.title,
    snippet: events.summary,
    recency: events.updatedAt,
    areaIds: events.areaIds,
  },
  {
    type: 'commitment',
    table: commitments,
    label: commitments.text,
    snippet: null,
    recency: commitments.updatedAt,
    areaIds: commitments.areaIds,
  },
  {
    type: 'source',
    table: sources,
    label: sources.title,
    snippet: sources.text,
    recency: sources.createdAt,
    areaIds: sources.areaIds,
  },
];

const snippetRadius = 90;
/** Records read per group before ranking: enough that a title match is rarely left behind. */
const candidateLimit = 60;
/** How alike a misspelt name must be (pg_trgm word similarity, 0–1): one wrong letter in a
 * six-letter name scores 0.57. */
const nameSimilarity = 0.5;
/** Areas whose records a query brings in. */
const matchedAreasMax = 3;

/** A window of the text around the first match, so long sources show why they matched. */
function cutSnippet(text: string, query: string): string {
  const first = findFoldedMatches(text, query)[0];
  if (!first || text.length <= snippetRadius * 2) return text.slice(0, snippetRadius * 2);
  const start = Math.max(0, first.start - snippetRadius);
  const end = Math.min(text.length, first.end + snippetRadius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

type Candidate = { id: string; label: string; snippet: string | null; tier: number };

/** Whether the query's words occur together, in order, somewhere in the text. */
function hasPhrase(text: string, query: string, wordCount: number): boolean {
  return findFoldedMatches(text, query).some(
    (match) => foldWords(text.slice(match.start, match.end)).length === wordCount,
  );
}

/** How well a record's own words answer the query, best first: the phrase in its label (title,
 * name, code), every word in its label, the phrase in its snippet, then by how it was found. */
function rankOf(candidate: Candidate, query: string, words: string[]): number {
  if (hasPhrase(candidate.label, query, words.length)) return 0;
  const labelWords = new Set(foldWords(candidate.label));
  if (words.every((word) => labelWords.has(word))) return 1;
  if (candidate.snippet !== null && hasPhrase(candidate.snippet, query, words.length)) return 2;
  return 3 + candidate.tier;
}

/** Diacritic-insensitive, whole-word search across records and sources, grouped by type. */
export function createSearchService({ db }: { db: Database }) {
  function snippetOf(searchable: Searchable): SQL {
    const { snippet } = searchable;
    // A source's text can be megabytes: the snippet is cut from its opening part only.
    if (snippet === null) return sql`null`;
    return searchable.type === 'source' ? sql`left(${snippet}, 4000)` : sql`${snippet}`;
  }

  function toCandidates(rows: { id: unknown; label: unknown; snippet: unknown }[], tier: number) {
    return rows.map((row) => ({
      id: String(row.id),
      label: String(row.label),
      snippet: row.snippet === null || row.snippet === undefined ? null : String(row.snippet),
      tier,
    }));
  }

  async function readCandidates(
    executor: Executor,
    searchable: Searchable,
    where: SQL,
    limit: number,
    tier: number,
  ): Promise<Candidate[]> {
    const { table, label, recency } = searchable;
    const rows = await executor
      .select({ id: table.id, label, snippet: snippetOf(searchable) })
      .from(table)
      .where(where)
      .orderBy(desc(recency))
      .limit(limit);
    return toCandidates(rows, tier);
  }

  /** The newest `limit` records meeting a text condition, and how many meet it (up to the cap).
   * First through the text index alone (a bitmap scan, which reads no stored vector): it finds
   * at most cap + 1 matches, so a rare word costs what it matches. Only when the word is common
   * (more than the cap) does the newest-first index scan run, and then it meets matches soon.
   * The planner, left alone, picks the newest-first scan for rare words too (or a sequential scan
   * for the count), testing every row's vector: on sources, a compressed copy of every word of
   * the article each, read back row after row. */
  async function readMatching(
    searchable: Searchable,
    where: SQL,
    limit: number,
    tier: number,
  ): Promise<{ candidates: Candidate[]; total: number; isTotalCapped: boolean }> {
    const { table, label, recency } = searchable;
    const cap = limits.listCountCap;
    const probed = await withTextIndexOnly(db, async (tx) => {
      const matched = tx
        .select({ id: sql`${table.id}`.as('matched_id'), recency: sql`${recency}`.as('matched_recency') })
        .from(table)
        .where(where)
        .limit(cap + 1)
        .as('matched');
      const newest = tx
        .select({
          id: matched.id,
          recency: matched.recency,
          total: sql<number>`count(*) over ()`.as('matched_total'),
        })
        .from(matched)
        .orderBy(sql`${matched.recency} desc`)
        .limit(limit)
        .as('newest');
      return tx
        .select({ id: table.id, label, snippet: snippetOf(searchable), total: newest.total })
        .from(newest)
        .innerJoin(table, sql`${table.id} = ${newest.id}`)
        .orderBy(sql`${newest.recency} desc`);
    });
    const total = Number(probed[0]?.total ?? 0);
    if (total <= cap) return { candidates: toCandidates(probed, tier), total, isTotalCapped: false };
    return {
      candidates: await readCandidates(db, searchable, where, limit, tier),
      total: cap,
      isTotalCapped: true,
    };
  }

  /** Names one or two letters off the query, best first, through the trigram index. */
  async function readSimilarNames(searchable: Searchable, query: string, limit: number) {
    const folded = toSearchWords(query);
    return db.transaction(async (tx) => {
      await tx.execute(
        // The planner takes a sequential scan of every name (50–80 ms over 20,000 people) where
        // the trigram index answers in a few milliseconds.
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(nameSimilarity)}, true), set_config('enable_seqscan', 'off', true)`,
      );
      const { table, label, snippet } = searchable;
      const rows = await tx
        .select({ id: table.id, label, snippet: snippet ?? sql<null>`null` })
        .from(table)
        .where(sql`${folded} <% ${table.searchText}`)
        .orderBy(sql`word_similarity(${folded}, ${table.searchText}) desc`)
        .limit(limit);
      return rows.map((row) => ({
        id: String(row.id),
        label: String(row.label),
        snippet: row.snippet === null ? null : String(row.snippet),
        tier: 3,
      }));
    });
  }

  async function searchGroup(
    searchable: Searchable,
    query: string,
    limit: number,
    areaIds: string[],
    { isSimilarAllowed }: { isSimilarAllowed: boolean },
  ) {
    const { table } = searchable;
    const words = foldWords(query);
    const all = toTsQuery(query)!;
    const matchesAll = sql`${searchVectorOf(table)} @@ ${all}`;
    const tiers: Promise<Candidate[]>[] = [];
    // Every-word matches, with the count.
    const allWords = readMatching(searchable, matchesAll, table === sources ? limit : candidateLimit, 1);
    if (table === sources) {
      // Titles first: the label words have their own small index, the text its own.
      tiers.push(
        readMatching(searchable, sql`${sources.searchLabelVector} @@ ${all}`, limit, 0).then(
          (found) => found.candidates,
        ),
      );
      if (words.length > 1) {
        // A phrase is checked against each candidate's stored positions (its whole vector): only
        // among a bounded number of every-word matches.
        const phrase = toTsQuery(query, { mode: 'phrase' })!;
        tiers.push(
          allWords.then((found) =>
            found.isTotalCapped
              ? []
              : readMatching(searchable, sql`${sources.searchVector} @@ ${phrase}`, limit, 0).then(
                  (phrased) => phrased.candidates,
                ),
          ),
        );
      }
    }
    tiers.push(
      allWords.then((found) => found.candidates.map((c) => ({ ...c, tier: table === sources ? 1 : 0 }))),
    );
    if (searchable.areaIds && areaIds.length > 0) {
      const tagged = sql`${searchable.areaIds} && ${sql.param(areaIds)}::text[]`;
      tiers.push(readCandidates(db, searchable, and(tagged, not(matchesAll))!, limit, 2));
    }
    let candidates = (await Promise.all(tiers)).flat();
    const counted = await allWords;
    if (candidates.length === 0 && searchable.isName && isSimilarAllowed) {
      candidates = await readSimilarNames(searchable, query, limit);
    }
    const seen = new Set<string>();
    const ranked = candidates
      .filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id))
      .map((candidate, order) => ({ candidate, order, rank: rankOf(candidate, query, words) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, limit)
      .map(({ candidate }) => candidate);
    const items: SearchHit[] = ranked.map((row) => {
      const text = row.snippet === null ? null : cutSnippet(row.snippet, query);
      return {
        id: row.id,
        label: row.label,
        snippet: text,
        labelMatches: findFoldedMatches(row.label, query),
        snippetMatches: text === null ? [] : findFoldedMatches(text, query),
      };
    });
    // Tagged and similar records are found beyond the words; the count covers at least them.
    const total = Math.max(counted.total, seen.size);
    return { type: searchable.type, total, isTotalCapped: counted.isTotalCapped, items };
  }

  return {
    async search(query: string, limit: number): Promise<SearchResult> {
      if (!toTsQuery(query)) return { query, groups: [] };
      // Areas first: records tagged with an area the query names are part of the answer
      // ("traditional medicine" brings what is tagged with it, whatever its own words).
      const areaRows = await db
        .select({ id: areas.id })
        .from(areas)
        .where(sql`${searchVectorOf(areas)} @@ ${toTsQuery(query)!}`)
        .limit(matchedAreasMax);
      const areaIds = areaRows.map((row) => row.id);
      const groups = await Promise.all(
        searchables.map((searchable) =>
          searchGroup(searchable, query, limit, areaIds, { isSimilarAllowed: false }),
        ),
      );
      const found = groups.filter((group) => group.total > 0);
      if (found.length > 0) return { query, groups: found };
      // Nothing holds these words: perhaps a name typed with a wrong letter. The trigram look-up
      // costs 50–150 ms over a large registry, so it runs only when the words found nothing at all.
      const similar = await Promise.all(
        searchables
          .filter((searchable) => searchable.isName)
          .map((searchable) => searchGroup(searchable, query, limit, areaIds, { isSimilarAllowed: true })),
      );
      return { query, groups: similar.filter((group) => group.total > 0) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
