import type { FastifyInstance } from 'fastify';
import { createPartner, partnerListQuery, partnerRecord, updatePartner } from '../../../common/contracts/partners.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
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
