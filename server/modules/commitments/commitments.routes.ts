import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addProgress,
  commitmentBoard,
  commitmentBoardQuery,
  commitmentListQuery,
  commitmentRecord,
  createCommitment,
  updateCommitment,
} from '../../../common/contracts/commitments.ts';
import { idParams, problem } from '../../../common/contracts/common.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { CommitmentBoardService } from './commitment-board.service.ts';
import type { CommitmentsService } from './commitments.service.ts';

export function registerCommitmentsRoutes(
  app: FastifyInstance,
  service: CommitmentsService,
  board: CommitmentBoardService,
) {
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
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/commitments/board',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['commitments'],
        querystring: commitmentBoardQuery,
        response: { 200: commitmentBoard, 400: problem, 401: problem, 403: problem },
      },
    },
    (request) => board.getBoard(request.query),
  );
}
