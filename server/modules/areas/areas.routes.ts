import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { areaListQuery, areaRecord, createArea, updateArea } from '../../../common/contracts/areas.ts';
import { areaId } from '../../../common/contracts/common.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import type { AreasService } from './areas.service.ts';

export function registerAreasRoutes(app: FastifyInstance, service: AreasService) {
  registerCollectionRoutes(app, {
    path: '/api/v1/areas',
    tag: 'areas',
    record: areaRecord,
    create: createArea,
    update: updateArea,
    listQuery: areaListQuery,
    service,
    params: z.strictObject({ id: areaId }),
  });
}
