import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaId, idParams, problem } from '../../../common/contracts/common.ts';
import {
  type ReplaceableCollection,
  recordUses,
  replaceArea,
  replaceableCollections,
  replaceRecord,
  replaceResult,
  type UsedCollection,
  usedCollections,
} from '../../../common/contracts/record-uses.ts';
import { actorOf, requireRole, writeRoles } from '../../http/auth.ts';
import type { RecordUsesService } from './record-uses.service.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const paramsOf = (collection: UsedCollection) =>
  collection === 'areas' ? z.strictObject({ id: areaId }) : idParams;

/** `GET /api/v1/{collection}/:id/uses` for every collection others point at, and
 * `POST /api/v1/{collection}/:id/replace` for those a record can be replaced in. */
export function registerRecordUsesRoutes(app: FastifyInstance, service: RecordUsesService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const collection of usedCollections) {
    typed.get(
      `/api/v1/${collection}/:id/uses`,
      {
        onRequest: requireRole(writeRoles),
        schema: {
          tags: [collection],
          params: paramsOf(collection),
          response: { 200: recordUses, ...problems },
        },
      },
      (request) => service.uses(collection, request.params.id),
    );
  }
  for (const collection of replaceableCollections satisfies readonly ReplaceableCollection[]) {
    typed.post(
      `/api/v1/${collection}/:id/replace`,
      {
        onRequest: requireRole(writeRoles),
        schema: {
          tags: [collection],
          params: paramsOf(collection),
          body: collection === 'areas' ? replaceArea : replaceRecord,
          response: { 200: replaceResult, ...problems },
        },
      },
      (request) => service.replace(collection, request.params.id, request.body, actorOf(request)),
    );
  }
}
