import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddProgress, CommitmentBoard } from '../../../common/contracts/commitments.ts';
import { buildQuery, isApiError, requestJson } from '../../app/http.ts';
import type { Commitment } from '../registry/registry.api.ts';

export function useAddProgress(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (progress: AddProgress) =>
      requestJson<Commitment>(`/api/v1/commitments/${encodeURIComponent(id)}/progress`, {
        method: 'POST',
        body: progress,
      }),
    onSuccess: async (record) => {
      queryClient.setQueryData(['commitments', 'one', id], record);
      await queryClient.invalidateQueries({ queryKey: ['commitments', 'list'] });
    },
    onError: async (error) => {
      // A stale version: read the latest so posting again (with the note still typed) succeeds.
      if (isApiError(error, 409))
        await queryClient.invalidateQueries({ queryKey: ['commitments', 'one', id] });
    },
  });
}

export type BoardParams = Record<string, string>;

/** The commitments board for the filters and grouping in the page's address. */
export function useCommitmentBoard(params: BoardParams) {
  return useQuery({
    queryKey: ['commitments', 'board', params],
    queryFn: ({ signal }) =>
      requestJson<CommitmentBoard>(`/api/v1/commitments/board${buildQuery(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
