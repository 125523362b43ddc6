import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddProgress } from '../../../common/contracts/commitments.ts';
import { isApiError, requestJson } from '../../app/http.ts';
import type { Commitment } from '../registry/registry.api.ts';
import type { Me } from '../session/session.api.ts';

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

/**
 * Whether to offer the progress form: editors always, unit users too, since only the server
 * knows the ownership at the moment of posting; it answers 403 to a unit that does not own it.
 */
export function canPostProgress(me: Me | null | undefined): boolean {
  return me?.role === 'admin' || me?.role === 'editor' || me?.role === 'unit';
}
