import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import { actorOf, readRoles, requireRole } from '../../http/auth.ts';
import { commonErrors } from '../../http/errors.ts';
import type { CalendarFeedsService } from './calendar-feeds.service.ts';

export const privateCalendarPath = '/calendar/private';

const calendarFeed = z.object({
  /** Set only in the answer that makes the address: it cannot be read back later. */
  path: z.string().optional(),
  createdAt: z.string().nullable(),
});

function sendCalendar(reply: FastifyReply, ics: string) {
  return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
}

export function registerCalendarFeedsRoutes(app: FastifyInstance, service: CalendarFeedsService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const signedIn = requireRole(readRoles);

  typed.get(
    '/calendar/public.ics',
    { schema: { tags, description: 'Published events as an iCalendar feed (Asia/Ho_Chi_Minh).' } },
    async (_request, reply) => sendCalendar(reply, await service.publicCalendar()),
  );
  typed.get(
    `${privateCalendarPath}/:file`,
    {
      schema: {
        tags,
        description: "A user's events and due dates, behind the secret address from /api/v1/me/calendar.",
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
        response: { 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const ics = await service.privateCalendar(request.params.file.replace(/\.ics$/, ''));
      if (ics === null) throw commonErrors.notFound('No calendar at this address; it may have been revoked.');
      return sendCalendar(reply, ics);
    },
  );

  typed.get(
    '/api/v1/me/calendar',
    { onRequest: signedIn, schema: { tags, response: { 200: calendarFeed, 401: problem } } },
    async (request) => ({ createdAt: (await service.feedOf(actorOf(request).userId!))?.createdAt ?? null }),
  );
  typed.post(
    '/api/v1/me/calendar',
    { onRequest: signedIn, schema: { tags, response: { 200: calendarFeed, 401: problem } } },
    async (request) => {
      const userId = actorOf(request).userId!;
      const token = await service.renewFeed(userId);
      return {
        path: `${privateCalendarPath}/${token}.ics`,
        createdAt: (await service.feedOf(userId))!.createdAt,
      };
    },
  );
  typed.delete(
    '/api/v1/me/calendar',
    { onRequest: signedIn, schema: { tags, response: { 204: z.null(), 401: problem } } },
    async (request, reply) => {
      await service.revokeFeed(actorOf(request).userId!);
      return reply.code(204).send(null);
    },
  );
}
