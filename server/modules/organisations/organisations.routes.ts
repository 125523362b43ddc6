import type { FastifyInstance } from 'fastify';
import {
  createOrganisation,
  organisationListQuery,
  organisationRecord,
  updateOrganisation,
} from '../../../common/contracts/organisations.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { OrganisationsService } from './organisations.service.ts';

export function registerOrganisationsRoutes(app: FastifyInstance, service: OrganisationsService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/organisations',
    tag: 'organisations',
    record: organisationRecord,
    create: createOrganisation,
    update: updateOrganisation,
    listQuery: organisationListQuery,
    service,
  });
}
