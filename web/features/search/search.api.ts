import { useQuery } from '@tanstack/react-query';
import { buildQuery, requestJson } from '../../app/http.ts';

export interface SearchHit {
  id: string;
  label: string;
  snippet: string | null;
}

export interface SearchGroup {
  type: string;
  items: SearchHit[];
}

export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) =>
      requestJson<{ groups: SearchGroup[] }>(`/api/v1/search${buildQuery({ q })}`, { signal }),
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
