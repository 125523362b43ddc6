import type { FastifyInstance } from 'fastify';
import {
  agreementListQuery,
  agreementRecord,
  createAgreement,
  updateAgreement,
} from '../../../common/contracts/agreements.ts';
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
}
