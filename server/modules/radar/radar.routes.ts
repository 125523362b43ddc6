import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../../common/contracts/common.ts';
import { radar, radarQuery } from '../../../common/contracts/radar.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import type { RadarService } from './radar.service.ts';

export function registerRadarRoutes(app: FastifyInstance, service: RadarService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/radar',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['radar'],
        querystring: radarQuery,
        response: { 200: radar, 400: problem, 401: problem, 403: problem },
      },
    },
    (request) => service.getRadar(request.query),
  );
}
