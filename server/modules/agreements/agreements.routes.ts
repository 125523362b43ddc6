import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agreementListQuery,
  agreementRecord,
  agreementTransition,
  createAgreement,
  updateAgreement,
} from '../../../common/contracts/agreements.ts';
import { idParams, problem } from '../../../common/contracts/common.ts';
import { actorOf, requireRole, writeRoles } from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { AgreementsService } from './agreements.service.ts';

export function registerAgreementsRoutes(app: FastifyInstance, service: AgreementsService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/agreements',
    tag: 'agreements',
    record: agreementRecord,
    create: createAgreement,
    update: updateAgreement,
    listQuery: agreementListQuery,
    service,
  });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/agreements/:id/transitions',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags: ['agreements'],
        params: idParams,
        body: agreementTransition,
        response: {
          200: agreementRecord,
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    (request) => service.transition(request.params.id, request.body, actorOf(request)),
  );
}
