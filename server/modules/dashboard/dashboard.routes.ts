import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaId, problem } from '../../../common/contracts/common.ts';
import {
  areaOverview,
  dashboard,
  dashboardQuery,
  publicDashboard,
} from '../../../common/contracts/dashboard.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import type { DashboardService } from './dashboard.service.ts';

export function registerDashboardRoutes(app: FastifyInstance, service: DashboardService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/dashboard',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['dashboard'],
        querystring: dashboardQuery,
        response: { 200: dashboard, 400: problem, 401: problem, 403: problem },
      },
    },
    (request) => service.getDashboard(request.query, { isPublishedOnly: false }),
  );
  // The same figures over published agreements and events; the public schema leaves out
  // commitments, which are never published.
  typed.get(
    '/api/public/dashboard',
    {
      schema: {
        tags: ['portal'],
        querystring: dashboardQuery,
        response: { 200: publicDashboard, 400: problem },
      },
    },
    (request) => service.getDashboard(request.query, { isPublishedOnly: true }),
  );
  typed.get(
    '/api/v1/areas/:id/overview',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['areas'],
        params: z.strictObject({ id: areaId }),
        response: { 200: areaOverview, 400: problem, 401: problem, 403: problem, 404: problem },
      },
    },
    (request) => service.getAreaOverview(request.params.id),
  );
}
