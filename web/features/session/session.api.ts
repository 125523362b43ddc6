import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionUser } from '../../../common/contracts/users.ts';
import { isApiError, requestJson } from '../../app/http.ts';

export type Me = z.infer<typeof sessionUser>;

const meKey = ['session', 'me'] as const;

/** The signed-in user, or null when nobody is signed in (401 is an answer, not a failure). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await requestJson<Me>('/api/v1/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** Shared by useMe and the router's prefetch, so both hit (and keep fresh) the same cache entry. */
export const meQuery = { queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false } as const;

export function useMe() {
  return useQuery(meQuery);
}

export function canEdit(me: Me | null | undefined): boolean {
  return me?.role === 'admin' || me?.role === 'editor';
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      requestJson<{ user: Me }>('/api/v1/auth/login', { method: 'POST', body: credentials }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      // Drop every cached record: the next person at this browser must not see them.
      queryClient.clear();
    },
  });
}
