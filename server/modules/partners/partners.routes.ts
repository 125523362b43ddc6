import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../../common/contracts/common.ts';
import {
  createPartner,
  partnerListQuery,
  partnerRecord,
  updatePartner,
} from '../../../common/contracts/partners.ts';
import { partnerOverview, partnerOverviewQuery } from '../../../common/contracts/portal.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { PartnerOverviewService } from './partner-overview.service.ts';
import type { PartnersService } from './partners.service.ts';

export function registerPartnersRoutes(app: FastifyInstance, service: PartnersService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/partners',
    tag: 'partners',
    record: partnerRecord,
    create: createPartner,
    update: updatePartner,
    listQuery: partnerListQuery,
    service,
  });
}

export function registerPartnerOverviewRoutes(app: FastifyInstance, service: PartnerOverviewService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/partners/:id/overview',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['partners'],
        params: idParams,
        querystring: partnerOverviewQuery,
        response: { 200: partnerOverview, 400: problem, 401: problem, 404: problem },
      },
    },
    (request) => service.getOverview(request.params.id, request.query),
  );
}
