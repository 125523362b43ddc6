import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../../common/contracts/common.ts';
import {
  markNotificationsRead,
  notificationList,
  notificationListQuery,
  notificationSettings,
  reminderRunSummary,
  runReminders,
  setMute,
  unreadCount,
  updateNotificationSettings,
} from '../../../common/contracts/notifications.ts';
import { adminRoles, readRoles, requireRole } from '../../http/auth.ts';
import type { NotificationsService } from './notifications.service.ts';
import type { RemindersService } from './reminders.service.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem };

export function registerNotificationsRoutes(
  app: FastifyInstance,
  service: NotificationsService,
  reminders: RemindersService,
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requireRole(readRoles);
  const tags = ['notifications'];

  typed.get(
    '/api/v1/notifications',
    {
      onRequest: signedIn,
      schema: { tags, querystring: notificationListQuery, response: { 200: notificationList, ...problems } },
    },
    (request) => service.list(request.user!.id, request.query),
  );
  typed.post(
    '/api/v1/notifications/read',
    {
      onRequest: signedIn,
      schema: { tags, body: markNotificationsRead, response: { 200: unreadCount, ...problems } },
    },
    (request) => service.markRead(request.user!.id, request.body),
  );
  typed.get(
    '/api/v1/me/notification-settings',
    { onRequest: signedIn, schema: { tags, response: { 200: notificationSettings, ...problems } } },
    (request) => service.getSettings(request.user!.id),
  );
  typed.put(
    '/api/v1/me/notification-settings',
    {
      onRequest: signedIn,
      schema: {
        tags,
        body: updateNotificationSettings,
        response: { 200: notificationSettings, ...problems },
      },
    },
    (request) => service.setDigestFrequency(request.user!.id, request.body.digestFrequency),
  );
  typed.put(
    '/api/v1/me/mutes',
    {
      onRequest: signedIn,
      schema: { tags, body: setMute, response: { 200: notificationSettings, ...problems } },
    },
    (request) => service.setMute(request.user!.id, request.body),
  );
  typed.post(
    '/api/v1/reminders/run',
    {
      onRequest: requireRole(adminRoles),
      schema: {
        tags,
        description: 'Runs the daily reminder job now (it also runs every day on its own).',
        body: runReminders,
        response: { 200: reminderRunSummary, ...problems },
      },
    },
    (request) => reminders.run(request.body.on),
  );
}
