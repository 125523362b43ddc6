import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../../common/contracts/common.ts';
import { searchQuery, searchResult } from '../../../common/contracts/search.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import type { SearchService } from './search.service.ts';

export function registerSearchRoutes(app: FastifyInstance, service: SearchService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/search',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['search'],
        querystring: searchQuery,
        response: { 200: searchResult, 400: problem, 401: problem },
      },
    },
    (request) => service.search(request.query.q, request.query.limit),
  );
}
