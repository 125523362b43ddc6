import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeOwnPassword } from '../../../common/contracts/users.ts';
import { requestJson } from '../../app/http.ts';

export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (input: ChangeOwnPassword) =>
      requestJson<void>('/api/v1/me/password', { method: 'POST', body: input }),
  });
}

export function useEndOtherSessions() {
  return useMutation({
    mutationFn: () => requestJson<{ ended: number }>('/api/v1/me/sessions/end-others', { method: 'POST' }),
  });
}

type CalendarFeed = { path?: string; createdAt: string | null };
const calendarKey = ['me', 'calendar'] as const;

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarKey, queryFn: () => requestJson<CalendarFeed>('/api/v1/me/calendar') });
}

/** Makes a new secret calendar address (the old one stops working); its path is answered once. */
export function useRenewCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<CalendarFeed>('/api/v1/me/calendar', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: calendarKey }),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<void>('/api/v1/me/calendar', { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: calendarKey }),
  });
}
