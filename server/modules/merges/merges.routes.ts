import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listResponse, problem } from '../../../common/contracts/common.ts';
import {
  duplicateDismissalInput,
  duplicatePair,
  duplicateQuery,
  mergeInput,
  mergeListQuery,
  mergeRecord,
} from '../../../common/contracts/merges.ts';
import { mergeCollections } from '../../../common/domain/enums.ts';
import { actorOf, requireRole, writeRoles } from '../../http/auth.ts';
import type { DuplicatesService } from './duplicates.service.ts';
import type { MergesService } from './merges.service.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export function registerMergesRoutes(
  app: FastifyInstance,
  merges: MergesService,
  duplicates: DuplicatesService,
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const editors = requireRole(writeRoles);
  for (const collection of mergeCollections)
    typed.post(
      `/api/v1/${collection}/merge`,
      {
        onRequest: editors,
        schema: { tags: ['merges'], body: mergeInput, response: { 200: mergeRecord, ...problems } },
      },
      (request) => merges.merge(collection, request.body, actorOf(request)),
    );
  typed.get(
    '/api/v1/merges',
    {
      onRequest: editors,
      schema: {
        tags: ['merges'],
        querystring: mergeListQuery,
        response: { 200: listResponse(mergeRecord), ...problems },
      },
    },
    (request) => merges.list(request.query),
  );
  typed.post(
    '/api/v1/merges/:id/undo',
    {
      onRequest: editors,
      schema: { tags: ['merges'], params: idParams, response: { 200: mergeRecord, ...problems } },
    },
    (request) => merges.undo(request.params.id, actorOf(request)),
  );
  typed.get(
    '/api/v1/duplicates',
    {
      onRequest: editors,
      schema: {
        tags: ['merges'],
        querystring: duplicateQuery,
        response: { 200: z.object({ items: z.array(duplicatePair) }), ...problems },
      },
    },
    async (request) => ({ items: await duplicates.list(request.query.collection) }),
  );
  typed.post(
    '/api/v1/duplicates/dismissals',
    {
      onRequest: editors,
      schema: { tags: ['merges'], body: duplicateDismissalInput, response: { 204: z.null(), ...problems } },
    },
    async (request, reply) => {
      await duplicates.dismiss(request.body, actorOf(request));
      return reply.code(204).send(null);
    },
  );
}
