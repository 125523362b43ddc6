import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import {
  createPerson,
  personListQuery,
  personMatch,
  personMatchQuery,
  personRecord,
  updatePerson,
} from '../../../common/contracts/people.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import { pickLanguage } from '../../http/messages.ts';
import type { PeopleService } from './people.service.ts';

export function registerPeopleRoutes(app: FastifyInstance, service: PeopleService) {
  // Registered before the collection so that /matches is not read as an id.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/people/matches',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['people'],
        querystring: personMatchQuery,
        response: { 200: z.object({ items: z.array(personMatch) }), 400: problem, 401: problem },
      },
    },
    async (request) => ({
      items: await service.findMatches(
        request.query.name,
        request.query.countryCode,
        pickLanguage(request.headers['accept-language']) ?? 'en',
      ),
    }),
  );
  registerCollectionRoutes(app, {
    path: '/api/v1/people',
    tag: 'people',
    record: personRecord,
    create: createPerson,
    update: updatePerson,
    listQuery: personListQuery,
    service,
  });
}
