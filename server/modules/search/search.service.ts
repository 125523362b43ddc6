import { and, not, type SQL, sql } from 'drizzle-orm';
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

type FoundRow = {
  /** Which reading found the row (its index), -1 for an area the query names. */
  key: number;
  id: string;
  label: string;
  snippet: string | null;
  total: number | null;
};

/** One way a group's records are found: a condition, its tier, how many to read. */
type Reading = {
  key: number;
  searchable: Searchable;
  where: SQL;
  tier: number;
  limit: number;
  /** The reading whose count is the group's total (every word, anywhere). */
  isCounted: boolean;
};

/** Diacritic-insensitive, whole-word search across records and sources, grouped by type. */
export function createSearchService({ db }: { db: Database }) {
  const cap = limits.listCountCap;

  function snippetOf(searchable: Searchable): SQL {
    const { snippet } = searchable;
    // A source's text can be megabytes: the snippet is cut from its opening part only.
    if (snippet === null) return sql`null::text`;
    return searchable.type === 'source' ? sql`left(${snippet}, 4000)` : sql`${snippet}::text`;
  }

  /** The columns every branch of a search statement answers, in one shape for UNION ALL. */
  function shapeOf(reading: Reading, total: SQL): SQL {
    const { searchable, key } = reading;
    return sql`${sql.raw(String(key))}::int as key, ${searchable.table.id}::text as id, ${searchable.label}::text as label, ${snippetOf(searchable)} as snippet, ${total} as total`;
  }

  async function rowsOf(executor: Executor, statement: SQL): Promise<FoundRow[]> {
    const result = (await executor.execute(statement)) as unknown as { rows: FoundRow[] };
    return result.rows;
  }

  /** Every reading of one search in one statement: each condition finds at most cap + 1 matches
   * through the text index alone (a bitmap scan, run under withTextIndexOnly), so a rare word
   * costs what it matches, and the newest `limit` of them are read back with the count. Left
   * alone, the planner picks a newest-first scan for rare words too (or a sequential scan for the
   * count), testing every row's vector: on sources, a compressed copy of every word of the article
   * each, read back row after row. A reading whose count passes the cap is read again by
   * readNewest. */
  function probeStatement(readings: Reading[], matchedAreas: SQL | null): SQL {
    const ctes = readings.map((reading) => {
      const { table, recency } = reading.searchable;
      return sql`${sql.identifier(`m${reading.key}`)} as (select ${table.id} as id, ${recency} as r from ${table} where ${reading.where} limit ${cap + 1})`;
    });
    const branches = readings.map((reading) => {
      const { table } = reading.searchable;
      const matched = sql.identifier(`m${reading.key}`);
      const total = sql`(select count(*)::int from ${matched})`;
      return sql`(select ${shapeOf(reading, total)} from (select id, r from ${matched} order by r desc limit ${reading.limit}) as top join ${table} on ${table.id} = top.id order by top.r desc)`;
    });
    if (matchedAreas) {
      branches.push(
        sql`(select -1, ${areas.id}::text, null::text, null::text, null::int from ${areas} where ${matchedAreas} limit ${matchedAreasMax})`,
      );
    }
    return sql`with ${sql.join(ctes, sql`, `)} ${sql.join(branches, sql` union all `)}`;
  }

  /** The newest records meeting each condition, the planner left to its ordered index scans: for
   * words too common to count (which that scan meets soon) and for tagged records. */
  function newestStatement(readings: Reading[]): SQL {
    const branches = readings.map((reading) => {
      const { table, recency } = reading.searchable;
      return sql`(select ${shapeOf(reading, sql`null::int`)} from ${table} where ${reading.where} order by ${recency} desc limit ${reading.limit})`;
    });
    return sql.join(branches, sql` union all `);
  }

  function toCandidates(rows: FoundRow[], reading: Reading): Candidate[] {
    return rows
      .filter((row) => row.key === reading.key)
      .map((row) => ({ id: row.id, label: row.label, snippet: row.snippet, tier: reading.tier }));
  }

  /** Reads every group's candidates in two statements (three when a word is common), where each
   * group's tiers once cost a transaction and several queries of their own. */
  async function readGroups(query: string, limit: number) {
    const words = foldWords(query);
    const all = toTsQuery(query)!;
    const readings: Reading[] = [];
    const add = (reading: Omit<Reading, 'key'>) => {
      const added = { ...reading, key: readings.length };
      readings.push(added);
      return added;
    };
    for (const searchable of searchables) {
      const isSource = searchable.table === sources;
      const every = add({
        searchable,
        where: sql`${searchVectorOf(searchable.table)} @@ ${all}`,
        // On sources the every-word matches rank after the title and phrase ones.
        tier: isSource ? 1 : 0,
        limit: isSource ? limit : candidateLimit,
        isCounted: true,
      });
      if (!isSource) continue;
      // Titles first: the label words have their own small index, the text its own.
      add({
        searchable,
        where: sql`${sources.searchLabelVector} @@ ${all}`,
        tier: 0,
        limit,
        isCounted: false,
      });
      if (words.length > 1) {
        // A phrase is checked against each candidate's stored positions (its whole vector): only
        // while the every-word matches are few (not past the cap).
        const phrase = toTsQuery(query, { mode: 'phrase' })!;
        add({
          searchable,
          where: sql`(select count(*) from ${sql.identifier(`m${every.key}`)}) <= ${cap} and ${sources.searchVector} @@ ${phrase}`,
          tier: 0,
          limit,
          isCounted: false,
        });
      }
    }
    const probed = await withTextIndexOnly(db, (tx) =>
      rowsOf(tx, probeStatement(readings, sql`${searchVectorOf(areas)} @@ ${all}`)),
    );
    const totals = new Map<number, number>();
    for (const row of probed) if (row.total !== null) totals.set(row.key, Number(row.total));
    // A common word (past the cap): its newest matches through the ordered index, which meets
    // them soon. Only every-word and title readings can pass it; the phrase is then not tried.
    const later = readings.filter((reading) => (totals.get(reading.key) ?? 0) > cap);
    // Records tagged with an area the query names are part of the answer ("traditional medicine"
    // brings what is tagged with it, whatever its own words).
    const areaIds = probed.filter((row) => row.key === -1).map((row) => row.id);
    if (areaIds.length > 0) {
      for (const searchable of searchables) {
        if (!searchable.areaIds) continue;
        const tagged = sql`${searchable.areaIds} && ${sql.param(areaIds)}::text[]`;
        const matchesAll = sql`${searchVectorOf(searchable.table)} @@ ${all}`;
        later.push(
          add({ searchable, where: and(tagged, not(matchesAll))!, tier: 2, limit, isCounted: false }),
        );
      }
    }
    const newest = later.length > 0 ? await rowsOf(db, newestStatement(later)) : [];
    const laterKeys = new Set(later.map((reading) => reading.key));
    return {
      readings,
      totals,
      candidatesOf: (reading: Reading) => toCandidates(laterKeys.has(reading.key) ? newest : probed, reading),
    };
  }

  function rankGroup(
    type: SearchType,
    candidates: Candidate[],
    query: string,
    limit: number,
    counted: { total: number; isTotalCapped: boolean },
  ) {
    const words = foldWords(query);
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
    return { type, total, isTotalCapped: counted.isTotalCapped, items };
  }

  /** Names one or two letters off the query, best first, through the trigram index: one
   * statement over every kind of name. */
  async function readSimilarNames(query: string, limit: number) {
    const folded = toSearchWords(query);
    const readings: Reading[] = searchables
      .filter((searchable) => searchable.isName)
      .map((searchable, key) => ({ key, searchable, where: sql`true`, tier: 3, limit, isCounted: false }));
    const rows = await db.transaction(async (tx) => {
      await tx.execute(
        // The planner takes a sequential scan of every name (50–80 ms over 20,000 people) where
        // the trigram index answers in a few milliseconds.
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(nameSimilarity)}, true), set_config('enable_seqscan', 'off', true)`,
      );
      const branches = readings.map((reading) => {
        const { table } = reading.searchable;
        return sql`(select ${shapeOf(reading, sql`null::int`)} from ${table} where ${folded} <% ${table.searchText} order by word_similarity(${folded}, ${table.searchText}) desc limit ${limit})`;
      });
      return rowsOf(tx, sql.join(branches, sql` union all `));
    });
    return readings.map((reading) => ({
      type: reading.searchable.type,
      candidates: toCandidates(rows, reading),
    }));
  }

  return {
    async search(query: string, limit: number): Promise<SearchResult> {
      if (!toTsQuery(query)) return { query, groups: [] };
      const { readings, totals, candidatesOf } = await readGroups(query, limit);
      const groups = searchables.map((searchable) => {
        const own = readings
          .filter((reading) => reading.searchable === searchable)
          .sort((a, b) => a.tier - b.tier || a.key - b.key);
        const counted = own.find((reading) => reading.isCounted)!;
        const total = totals.get(counted.key) ?? 0;
        return rankGroup(searchable.type, own.flatMap(candidatesOf), query, limit, {
          total: Math.min(total, cap),
          isTotalCapped: total > cap,
        });
      });
      const found = groups.filter((group) => group.total > 0);
      if (found.length > 0) return { query, groups: found };
      // Nothing holds these words: perhaps a name typed with a wrong letter. The trigram look-up
      // costs 50–150 ms over a large registry, so it runs only when the words found nothing at all.
      const similar = await readSimilarNames(query, limit);
      const similarGroups = similar.map(({ type, candidates }) =>
        rankGroup(type, candidates, query, limit, { total: 0, isTotalCapped: false }),
      );
      return { query, groups: similarGroups.filter((group) => group.total > 0) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
