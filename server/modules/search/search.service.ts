import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SearchHit, SearchResult, SearchType } from '../../../common/contracts/search.ts';
import { limits } from '../../../common/domain/limits.ts';
import { findFoldedMatches, foldWords, toSearchWords } from '../../../common/domain/text.ts';
import type { Database } from '../../db/client.ts';
import { type RecordTable, searchVectorOf, toTsQuery } from '../../db/records.ts';
import { textIndexReaderOf } from '../../db/text-index.ts';
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
  /** The order among equally good matches, newest first. */
  recency: PgColumn;
  /** Whether a btree index reads the table newest first (the long tables): a word too common to
   * count is then read that way, meeting its newest matches soon. */
  isRecencyIndexed?: boolean;
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
    isRecencyIndexed: true,
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
    isRecencyIndexed: true,
    areaIds: agreements.areaIds,
  },
  {
    type: 'event',
    table: events,
    label: events.title,
    snippet: events.summary,
    recency: events.updatedAt,
    isRecencyIndexed: true,
    areaIds: events.areaIds,
  },
  {
    type: 'commitment',
    table: commitments,
    label: commitments.text,
    snippet: null,
    recency: commitments.updatedAt,
    isRecencyIndexed: true,
    areaIds: commitments.areaIds,
  },
  {
    type: 'source',
    table: sources,
    label: sources.title,
    snippet: sources.text,
    recency: sources.createdAt,
    isRecencyIndexed: true,
    areaIds: sources.areaIds,
  },
];

const snippetRadius = 90;
/** Records read per group before ranking: enough that a title match is rarely left behind. */
const candidateLimit = 60;
/** Areas whose records a query brings in. */
const matchedAreasMax = 3;

/** Where the query's words are in a text (findFoldedMatches), for one query. */
type MatchesIn = (text: string) => ReturnType<typeof findFoldedMatches>;

/** findFoldedMatches for one query, each text folded once: ranking and the snippet look at the
 * same labels and (up to 4,000-character) source texts several times. */
function matchesFor(query: string): MatchesIn {
  const found = new Map<string, ReturnType<typeof findFoldedMatches>>();
  return (text) => {
    let matches = found.get(text);
    if (!matches) {
      matches = findFoldedMatches(text, query);
      found.set(text, matches);
    }
    return matches;
  };
}

/** A window of the text around the first match, so long sources show why they matched. */
function cutSnippet(text: string, matchesIn: MatchesIn): string {
  const first = matchesIn(text)[0];
  if (!first || text.length <= snippetRadius * 2) return text.slice(0, snippetRadius * 2);
  const start = Math.max(0, first.start - snippetRadius);
  const end = Math.min(text.length, first.end + snippetRadius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

type Candidate = { id: string; label: string; snippet: string | null; tier: number };

/** Whether the query's words occur together, in order, somewhere in the text. */
function hasPhrase(text: string, matchesIn: MatchesIn, wordCount: number): boolean {
  return matchesIn(text).some((match) => foldWords(text.slice(match.start, match.end)).length === wordCount);
}

/** How well a record's own words answer the query, best first: the phrase in its label (title,
 * name, code), every word in its label, the phrase in its snippet, then by how it was found. */
function rankOf(candidate: Candidate, matchesIn: MatchesIn, words: string[]): number {
  if (hasPhrase(candidate.label, matchesIn, words.length)) return 0;
  const labelWords = new Set(foldWords(candidate.label));
  if (words.every((word) => labelWords.has(word))) return 1;
  if (candidate.snippet !== null && hasPhrase(candidate.snippet, matchesIn, words.length)) return 2;
  return 3 + candidate.tier;
}

type FoundRow = {
  /** Which reading found the row (its index). */
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
  /** How its rows are read:
   * - 'counted': its matches are counted up to the cap first (the bitmap of the text index alone);
   *   past the cap, the newest are read through the recency index where the table has one;
   * - 'gated': read only when `gate` holds (the phrase, while the every-word matches are few;
   *   records tagged with an area the query names; names alike, when nothing else was found). */
  kind: 'counted' | 'gated';
  gate?: SQL;
  /** What it reads the highest of first (names alike: the most alike); the newest otherwise. */
  orderBy?: SQL;
  /** The reading whose count is the group's total (every word, anywhere). */
  isCounted: boolean;
  /** A name alike, read only when no word matched anything. */
  isSimilar?: boolean;
};

/** Diacritic-insensitive, whole-word search across records and sources, grouped by type. */
export function createSearchService({ db }: { db: Database }) {
  const cap = limits.listCountCap;
  const reader = textIndexReaderOf(db);

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

  /** The reading's first rows by `order`, descending: ids sorted first, their columns read after
   * (a source's snippet is cut from its text for the rows returned, not for every match sorted). */
  function topOf(reading: Reading, where: SQL, order: SQL, total: SQL): SQL {
    const { table } = reading.searchable;
    return sql`(select ${shapeOf(reading, total)} from (select ${table.id} as top_id, ${order} as top_order from ${table} where ${where} order by 2 desc limit ${reading.limit}) as top join ${table} on ${table.id} = top.top_id order by top.top_order desc)`;
  }

  const countOf = (reading: Reading) => sql`(select n from ${sql.identifier(`c${reading.key}`)})`;

  /** A search in one statement, run with sequential scans off (text-index.ts). Each counted
   * condition is first counted to cap + 1 through its text index alone (a bitmap; selecting no
   * column lets the scan skip reading rows on pages the visibility map says are all visible),
   * so a rare word costs what it matches. Then one of two branches runs for it, chosen at run
   * time by that count (a one-time filter): up to the cap, its matches are read and sorted
   * newest first (the order is an expression, so no index can offer it and the planner takes the
   * bitmap); past it, where the table has a recency index, the newest rows are read in order
   * and tested until enough match (the condition wrapped in `is true`, so the text index cannot
   * answer it), which for a common word is soon. Left to its estimates, the planner picked
   * newest-first scans for rare words too, testing every article's compressed words. */
  function searchStatement(readings: Reading[]): SQL {
    const ctes = readings
      .filter((reading) => reading.kind === 'counted')
      .map((reading) => {
        const { table } = reading.searchable;
        return sql`${sql.identifier(`c${reading.key}`)} as (select count(*)::int as n from (select from ${table} where ${reading.where} limit ${cap + 1}) as found)`;
      });
    const branches = readings.flatMap((reading) => {
      const { recency, isRecencyIndexed } = reading.searchable;
      // The order as an expression no index offers: the matches are read by the bitmap and sorted.
      const newest = sql`${recency} + interval '0 s'`;
      if (reading.kind === 'gated') {
        return [
          topOf(
            reading,
            sql`${reading.gate} and ${reading.where}`,
            reading.orderBy ?? newest,
            sql`null::int`,
          ),
        ];
      }
      const total = reading.isCounted ? countOf(reading) : sql`null::int`;
      if (!isRecencyIndexed) return [topOf(reading, reading.where, newest, total)];
      return [
        topOf(reading, sql`${countOf(reading)} <= ${cap} and ${reading.where}`, newest, total),
        topOf(
          reading,
          sql`${countOf(reading)} > ${cap} and (${reading.where}) is true`,
          sql`${recency}`,
          total,
        ),
      ];
    });
    return sql`with ${sql.join(ctes, sql`, `)} ${sql.join(branches, sql` union all `)}`;
  }

  function toCandidates(rows: FoundRow[], reading: Reading): Candidate[] {
    return rows
      .filter((row) => row.key === reading.key)
      .map((row) => ({ id: row.id, label: row.label, snippet: row.snippet, tier: reading.tier }));
  }

  /** Every reading of a search, in one statement: each group's tiers once cost a transaction and
   * several queries of their own, then two or three statements (and a transaction of its own for
   * names alike). */
  async function readGroups(query: string, limit: number) {
    const words = foldWords(query);
    const all = toTsQuery(query)!;
    const readings: Reading[] = [];
    const add = (reading: Omit<Reading, 'key'>) => {
      const added = { ...reading, key: readings.length };
      readings.push(added);
      return added;
    };
    const counted: Reading[] = [];
    for (const searchable of searchables) {
      const isSource = searchable.table === sources;
      const every = add({
        searchable,
        where: sql`${searchVectorOf(searchable.table)} @@ ${all}`,
        // On sources the every-word matches rank after the title and phrase ones.
        tier: isSource ? 1 : 0,
        limit: isSource ? limit : candidateLimit,
        kind: 'counted',
        isCounted: true,
      });
      counted.push(every);
      if (!isSource) continue;
      // Titles first: the label words have their own small index, the text its own.
      add({
        searchable,
        where: sql`${sources.searchLabelVector} @@ ${all}`,
        tier: 0,
        limit,
        kind: 'counted',
        isCounted: false,
      });
      if (words.length > 1) {
        // A phrase is checked against each candidate's stored positions (its whole vector): only
        // while the every-word matches are few (not past the cap).
        const phrase = toTsQuery(query, { mode: 'phrase' })!;
        add({
          searchable,
          where: sql`${sources.searchVector} @@ ${phrase}`,
          gate: sql`${countOf(every)} <= ${cap}`,
          tier: 0,
          limit,
          kind: 'gated',
          isCounted: false,
        });
      }
    }
    // Records tagged with an area the query names are part of the answer ("traditional medicine"
    // brings what is tagged with it, whatever its own words).
    const areasNamed = sql`array(select ${areas.id}::text from ${areas} where ${searchVectorOf(areas)} @@ ${all} limit ${matchedAreasMax})`;
    for (const searchable of searchables) {
      if (!searchable.areaIds) continue;
      // Read newest first and tested row by row (`is true` keeps the array index out): an area
      // tags a share of a table, so its newest records come soon, where reading every tagged
      // record and testing its words took hundreds of milliseconds on sources.
      add({
        searchable,
        where: sql`(${searchable.areaIds} && ${areasNamed}) is true and not (${searchVectorOf(searchable.table)} @@ ${all})`,
        gate: sql`cardinality(${areasNamed}) > 0`,
        orderBy: sql`${searchable.recency}`,
        tier: 2,
        limit,
        kind: 'gated',
        isCounted: false,
      });
    }
    // Nothing holds these words: perhaps a name typed with a wrong letter, found through the
    // trigram index (a sequential scan of every name took 50–80 ms over 20,000 people).
    const nothingFound = sql`${sql.join(
      counted.map((reading) => countOf(reading)),
      sql` + `,
    )} = 0`;
    const folded = toSearchWords(query);
    for (const searchable of searchables) {
      if (!searchable.isName) continue;
      const { searchText } = searchable.table;
      add({
        searchable,
        where: sql`${folded} <% ${searchText}`,
        gate: nothingFound,
        orderBy: sql`word_similarity(${folded}, ${searchText})`,
        tier: 3,
        limit,
        kind: 'gated',
        isCounted: false,
        isSimilar: true,
      });
    }
    const rows = await reader.rows<FoundRow>(searchStatement(readings));
    const totals = new Map<number, number>();
    for (const row of rows) if (row.total !== null) totals.set(row.key, Number(row.total));
    return { readings, totals, candidatesOf: (reading: Reading) => toCandidates(rows, reading) };
  }

  function rankGroup(
    type: SearchType,
    candidates: Candidate[],
    query: string,
    limit: number,
    counted: { total: number; isTotalCapped: boolean },
  ) {
    const words = foldWords(query);
    const matchesIn = matchesFor(query);
    const seen = new Set<string>();
    const ranked = candidates
      .filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id))
      .map((candidate, order) => ({ candidate, order, rank: rankOf(candidate, matchesIn, words) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, limit)
      .map(({ candidate }) => candidate);
    const items: SearchHit[] = ranked.map((row) => {
      const text = row.snippet === null ? null : cutSnippet(row.snippet, matchesIn);
      return {
        id: row.id,
        label: row.label,
        snippet: text,
        labelMatches: matchesIn(row.label),
        snippetMatches: text === null ? [] : findFoldedMatches(text, query),
      };
    });
    // Tagged and similar records are found beyond the words; the count covers at least them.
    const total = Math.max(counted.total, seen.size);
    return { type, total, isTotalCapped: counted.isTotalCapped, items };
  }

  return {
    async search(query: string, limit: number): Promise<SearchResult> {
      if (!toTsQuery(query)) return { query, groups: [] };
      const { readings, totals, candidatesOf } = await readGroups(query, limit);
      const groups = searchables.map((searchable) => {
        const own = readings
          .filter((reading) => reading.searchable === searchable && !reading.isSimilar)
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
      // Nothing holds these words: the names alike, which the statement read only then.
      const similarGroups = readings
        .filter((reading) => reading.isSimilar)
        .map((reading) =>
          rankGroup(reading.searchable.type, candidatesOf(reading), query, limit, {
            total: 0,
            isTotalCapped: false,
          }),
        );
      return { query, groups: similarGroups.filter((group) => group.total > 0) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
