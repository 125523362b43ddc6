import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgreementTransition, UpdateAgreement } from '../../../common/contracts/agreements.ts';
import type { ClockItem } from '../../../common/contracts/clocks.ts';
import { isApiError, requestJson } from '../../app/http.ts';
import type { Agreement } from '../registry/registry.api.ts';

export type Clock = ClockItem;

const clocksKey = (id: string) => ['agreements', 'clocks', id] as const;

export function useAgreementClocks(id: string) {
  return useQuery({
    queryKey: clocksKey(id),
    queryFn: ({ signal }) =>
      requestJson<{ items: Clock[] }>(`/api/v1/agreements/${encodeURIComponent(id)}/clocks`, { signal }),
  });
}

/** A lifecycle step or a change of documents or validity: each may start or close a legal clock, so
 * the agreement's clocks and the lists are read again after it. */
function useAgreementMutation<Body>(id: string, path: string, method: 'POST' | 'PATCH') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      requestJson<Agreement>(`/api/v1/agreements/${encodeURIComponent(id)}${path}`, { method, body }),
    onSuccess: async (record) => {
      queryClient.setQueryData(['agreements', 'one', id], record);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: clocksKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['clocks'] }),
      ]);
    },
    onError: async (error) => {
      // A stale version: read the latest so trying again (with the form still filled) succeeds.
      if (isApiError(error, 409))
        await queryClient.invalidateQueries({ queryKey: ['agreements', 'one', id] });
    },
  });
}

export function useTransition(id: string) {
  return useAgreementMutation<AgreementTransition>(id, '/transitions', 'POST');
}

export function useUpdateAgreement(id: string) {
  return useAgreementMutation<UpdateAgreement>(id, '', 'PATCH');
}
