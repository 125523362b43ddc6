import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calendarYear, calendarYearParams, replaceCalendarYear } from '../../../common/contracts/calendar.ts';
import { problem } from '../../../common/contracts/common.ts';
import { actorOf, adminRoles, readRoles, requireRole } from '../../http/auth.ts';
import type { CalendarService } from './calendar.service.ts';

export function registerCalendarRoutes(app: FastifyInstance, service: CalendarService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['calendar'], params: calendarYearParams };
  typed.get(
    '/api/v1/calendar/:year',
    {
      onRequest: requireRole(readRoles),
      schema: { ...schema, response: { 200: calendarYear, 400: problem, 401: problem, 403: problem } },
    },
    (request) => service.getYear(request.params.year),
  );
  typed.put(
    '/api/v1/calendar/:year',
    {
      onRequest: requireRole(adminRoles),
      schema: {
        ...schema,
        body: replaceCalendarYear,
        response: { 200: calendarYear, 400: problem, 401: problem, 403: problem },
      },
    },
    (request) => service.replaceYear(request.params.year, request.body, actorOf(request)),
  );
}
