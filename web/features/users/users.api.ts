import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUser, UpdateUser, UserRecord } from '../../../common/contracts/users.ts';
import { buildQuery, requestJson } from '../../app/http.ts';
import type { Page } from '../registry/registry.api.ts';

const usersKey = ['users'] as const;

export function useUsers(q: string) {
  return useQuery({
    queryKey: [...usersKey, 'list', q],
    queryFn: ({ signal }) =>
      requestJson<Page<UserRecord>>(`/api/v1/users${buildQuery({ q, pageSize: 100 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUser) =>
      requestJson<UserRecord>('/api/v1/users', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Role, unit, enabling/disabling and a password reset are all a PATCH with the version read. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUser & { id: string }) =>
      requestJson<UserRecord>(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      requestJson<void>(`/api/v1/users/${encodeURIComponent(id)}${buildQuery({ version })}`, {
        method: 'DELETE',
      }),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}
