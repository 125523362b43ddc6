import { desc, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SearchHit, SearchResult, SearchType } from '../../../common/contracts/search.ts';
import { findFoldedMatches, foldText } from '../../../common/domain/text.ts';
import type { Database } from '../../db/client.ts';
import { matchesText, type RecordTable } from '../../db/records.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import { people } from '../people/people.table.ts';
import { sources } from '../sources/sources.table.ts';

type Searchable = { type: SearchType; table: RecordTable; label: PgColumn; snippet: PgColumn | null };

const searchables: Searchable[] = [
  { type: 'person', table: people, label: people.name, snippet: people.note },
  { type: 'partner', table: partners, label: partners.nameVi, snippet: partners.nameEn },
  { type: 'organisation', table: organisations, label: organisations.nameVi, snippet: organisations.nameEn },
  { type: 'agreement', table: agreements, label: agreements.titleVi, snippet: agreements.summary },
  { type: 'event', table: events, label: events.title, snippet: events.summary },
  { type: 'commitment', table: commitments, label: commitments.text, snippet: null },
  { type: 'source', table: sources, label: sources.title, snippet: sources.text },
];

const snippetRadius = 90;

/** A window of the text around the first match, so long sources show why they matched. */
function cutSnippet(text: string, query: string): string {
  const first = findFoldedMatches(text, query)[0];
  if (!first || text.length <= snippetRadius * 2) return text.slice(0, snippetRadius * 2);
  const start = Math.max(0, first.start - snippetRadius);
  const end = Math.min(text.length, first.end + snippetRadius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Diacritic-insensitive search across records and sources, grouped by type. */
export function createSearchService({ db }: { db: Database }) {
  return {
    async search(query: string, limit: number): Promise<SearchResult> {
      if (!foldText(query)) return { query, groups: [] };
      const groups = await Promise.all(
        searchables.map(async ({ type, table, label, snippet }) => {
          const where = matchesText(table.searchText, query);
          const rows = await db
            .select({ id: table.id, label, snippet: snippet ?? sql<null>`null` })
            .from(table)
            .where(where)
            .orderBy(desc(table.updatedAt))
            .limit(limit);
          const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(table).where(where);
          const items: SearchHit[] = rows.map((row) => {
            const text = row.snippet === null ? null : cutSnippet(String(row.snippet), query);
            const labelText = String(row.label);
            return {
              id: String(row.id),
              label: labelText,
              snippet: text,
              labelMatches: findFoldedMatches(labelText, query),
              snippetMatches: text === null ? [] : findFoldedMatches(text, query),
            };
          });
          return { type, total: Number(counted?.total ?? 0), items };
        }),
      );
      return { query, groups: groups.filter((group) => group.total > 0) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
