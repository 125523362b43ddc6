import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addProgress,
  commitmentListQuery,
  commitmentRecord,
  createCommitment,
  updateCommitment,
} from '../../../common/contracts/commitments.ts';
import { idParams, problem } from '../../../common/contracts/common.ts';
import { requireRole } from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { CommitmentsService } from './commitments.service.ts';

export function registerCommitmentsRoutes(app: FastifyInstance, service: CommitmentsService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/commitments',
    tag: 'commitments',
    record: commitmentRecord,
    create: createCommitment,
    update: updateCommitment,
    listQuery: commitmentListQuery,
    service,
  });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/commitments/:id/progress',
    {
      onRequest: requireRole(['admin', 'editor', 'unit']),
      schema: {
        tags: ['commitments'],
        params: idParams,
        body: addProgress,
        response: {
          201: commitmentRecord,
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addProgress(request.params.id, request.body, request.user!)),
  );
}
