import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaRecord } from '../../../common/contracts/areas.ts';
import { requestJson } from '../../app/http.ts';

/** The fields the area form edits; the others (DAC code, keywords) stay as they are. */
export interface AreaInput {
  labelVi: string;
  labelEn: string;
  parentId: string | null;
}

export function useArea(id: string) {
  return useQuery({
    queryKey: ['areas', 'one', id],
    queryFn: ({ signal }) => requestJson<AreaRecord>(`/api/v1/areas/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Creates (no `version`) or edits an area; the lookup every picker and list reads is then refetched. */
export function useSaveArea(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AreaInput & { id?: string; version?: number }) =>
      id
        ? requestJson<AreaRecord>(`/api/v1/areas/${encodeURIComponent(id)}`, { method: 'PATCH', body: input })
        : requestJson<AreaRecord>('/api/v1/areas', { method: 'POST', body: input }),
    onSuccess: async (record) => {
      queryClient.setQueryData(['areas', 'one', record.id], record);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['lookup', '/api/v1/areas'] }),
        // The area's page, its overview and the names shown where records link to it.
        queryClient.invalidateQueries({ queryKey: ['areas'] }),
      ]);
    },
  });
}

export interface AreaNode {
  area: AreaRecord;
  depth: number;
}

/** Areas in tree order (each parent before its children, siblings by label), with their depth.
 * With a query, only areas matching it and their ancestors. Areas whose parent is unknown are roots. */
export function listAreaTree(
  areas: AreaRecord[],
  label: (area: AreaRecord) => string,
  query = '',
): AreaNode[] {
  const ids = new Set(areas.map((area) => area.id));
  const children = new Map<string | null, AreaRecord[]>();
  for (const area of areas) {
    const parent =
      area.parentId && ids.has(area.parentId) && area.parentId !== area.id ? area.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), area]);
  }
  const needle = query.trim().toLocaleLowerCase();
  const matches = (area: AreaRecord) =>
    [area.id, area.labelVi, area.labelEn].some((text) => text.toLocaleLowerCase().includes(needle));
  const out: AreaNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number): boolean => {
    let anyShown = false;
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => label(a).localeCompare(label(b)));
    for (const area of siblings) {
      if (seen.has(area.id)) continue;
      seen.add(area.id);
      const index = out.length;
      const isChildShown = walk(area.id, depth + 1);
      if (needle === '' || matches(area) || isChildShown) {
        out.splice(index, 0, { area, depth });
        anyShown = true;
      }
    }
    return anyShown;
  };
  walk(null, 0);
  return out;
}

/** An area and every area below it: what cannot become its parent. */
export function listSubtree(areas: AreaRecord[], id: string): Set<string> {
  const below = new Set([id]);
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const area of areas) {
      if (area.parentId && below.has(area.parentId) && !below.has(area.id)) {
        below.add(area.id);
        isGrowing = true;
      }
    }
  }
  return below;
}
