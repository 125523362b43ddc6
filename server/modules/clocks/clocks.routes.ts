import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clockList,
  clockRuleOverride,
  clockRuleParams,
  clockRuleRecord,
  clocksDueQuery,
} from '../../../common/contracts/clocks.ts';
import { idParams, problem } from '../../../common/contracts/common.ts';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import { actorOf, adminRoles, readRoles, requireRole } from '../../http/auth.ts';
import type { ClocksService } from './clocks.service.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem };

export function registerClocksRoutes(app: FastifyInstance, service: ClocksService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const read = requireRole(readRoles);
  const admin = requireRole(adminRoles);
  const tags = ['clocks'];

  typed.get(
    '/api/v1/agreements/:id/clocks',
    { onRequest: read, schema: { tags, params: idParams, response: { 200: clockList, ...problems } } },
    async (request) => ({ items: await service.forAgreement(request.params.id) }),
  );
  typed.get(
    '/api/v1/clocks/due',
    {
      onRequest: read,
      schema: { tags, querystring: clocksDueQuery, response: { 200: clockList, ...problems } },
    },
    async (request) => ({
      items: await service.dueAround(request.query.on ?? todayInVietNam(), request.query.withinDays),
    }),
  );
  typed.get(
    '/api/v1/clocks/rules',
    {
      onRequest: read,
      schema: { tags, response: { 200: z.object({ items: z.array(clockRuleRecord) }), ...problems } },
    },
    async () => ({ items: await service.listRules() }),
  );
  typed.put(
    '/api/v1/clocks/rules/:ruleId',
    {
      onRequest: admin,
      schema: {
        tags,
        params: clockRuleParams,
        body: clockRuleOverride,
        response: { 200: clockRuleRecord, ...problems },
      },
    },
    (request) => service.overrideRule(request.params.ruleId, request.body, actorOf(request)),
  );
  typed.delete(
    '/api/v1/clocks/rules/:ruleId',
    {
      onRequest: admin,
      schema: { tags, params: clockRuleParams, response: { 200: clockRuleRecord, ...problems } },
    },
    (request) => service.resetRule(request.params.ruleId, actorOf(request)),
  );
}
