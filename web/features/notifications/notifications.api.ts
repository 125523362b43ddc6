import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DigestFrequency,
  NotificationList,
  NotificationSettings,
  SetMute,
} from '../../../common/contracts/notifications.ts';
import { requestJson } from '../../app/http.ts';

const listKey = ['notifications'] as const;
const settingsKey = ['me', 'notification-settings'] as const;

/** The signed-in user's notifications, newest first; refreshed every few minutes for the bell. */
export function useNotifications(page = 1) {
  return useQuery({
    queryKey: [...listKey, page],
    queryFn: () => requestJson<NotificationList>(`/api/v1/notifications?page=${page}&pageSize=50`),
    refetchInterval: 5 * 60 * 1000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids?: string[]; all?: boolean }) =>
      requestJson<{ unreadCount: number }>('/api/v1/notifications/read', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => requestJson<NotificationSettings>('/api/v1/me/notification-settings'),
  });
}

export function useSetDigestFrequency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (digestFrequency: DigestFrequency) =>
      requestJson<NotificationSettings>('/api/v1/me/notification-settings', {
        method: 'PUT',
        body: { digestFrequency },
      }),
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  });
}

export function useSetMute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SetMute) =>
      requestJson<NotificationSettings>('/api/v1/me/mutes', { method: 'PUT', body: input }),
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  });
}
