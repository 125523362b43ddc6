import { useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../../common/contracts/search.ts';
import { buildQuery, requestJson } from '../../app/http.ts';

export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => requestJson<SearchResult>(`/api/v1/search${buildQuery({ q })}`, { signal }),
    enabled: q.trim().length > 0,
  });
}

const plurals: Record<string, string> = { person: 'people', people: 'people' };

/** The collection a search group belongs to, whether the API names it singular or plural. */
export function toCollection(type: string): string {
  return plurals[type] ?? (type.endsWith('s') ? type : `${type}s`);
}

export function pathOfHit(type: string, id: string): string {
  const collection = toCollection(type);
  if (collection === 'areas') return `/app/agreements?areaId=${encodeURIComponent(id)}`;
  return `/app/${collection}/${id}`;
}
