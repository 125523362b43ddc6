import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicatePair, MergeInput, MergeRecord } from '../../../common/contracts/merges.ts';
import type { MergeCollection } from '../../../common/domain/enums.ts';
import { requestJson } from '../../app/http.ts';

const duplicatesKey = (collection: MergeCollection) => ['duplicates', collection] as const;
const mergesKey = ['merges'] as const;

export function useDuplicates(collection: MergeCollection) {
  return useQuery({
    queryKey: duplicatesKey(collection),
    queryFn: () =>
      requestJson<{ items: DuplicatePair[] }>(`/api/v1/duplicates?collection=${collection}`).then(
        (answer) => answer.items,
      ),
  });
}

export function useMerges() {
  return useQuery({
    queryKey: mergesKey,
    queryFn: () =>
      requestJson<{ items: MergeRecord[] }>('/api/v1/merges?pageSize=20').then((answer) => answer.items),
  });
}

/** Records side by side, as their collection's API shows them. */
export function useRecords(collection: MergeCollection, ids: string[]) {
  return useQuery({
    queryKey: [collection, 'compare', ids] as const,
    enabled: ids.length > 0,
    queryFn: () =>
      requestJson<{ items: Record<string, unknown>[] }>(`/api/v1/${collection}?ids=${ids.join(',')}`).then(
        (answer) => answer.items,
      ),
  });
}

/** After a merge or its undo every list may show other records: everything is read again. */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useMerge(collection: MergeCollection) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: MergeInput) =>
      requestJson<MergeRecord>(`/api/v1/${collection}/merge`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUndoMerge() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (id: string) => requestJson<MergeRecord>(`/api/v1/merges/${id}/undo`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useDismissDuplicate(collection: MergeCollection) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: [string, string]) =>
      requestJson<void>('/api/v1/duplicates/dismissals', { method: 'POST', body: { collection, ids } }),
    onSuccess: () => client.invalidateQueries({ queryKey: duplicatesKey(collection) }),
  });
}
