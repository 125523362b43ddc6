import type { FastifyInstance } from 'fastify';
import {
  createPolicy,
  policyListQuery,
  policyRecord,
  updatePolicy,
} from '../../../common/contracts/policies.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { PoliciesService } from './policies.service.ts';

export function registerPoliciesRoutes(app: FastifyInstance, service: PoliciesService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/policies',
    tag: 'policies',
    record: policyRecord,
    create: createPolicy,
    update: updatePolicy,
    listQuery: policyListQuery,
    service,
  });
}
