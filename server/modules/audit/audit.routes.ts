import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuery, auditRecord } from '../../../common/contracts/audit.ts';
import { listResponse, problem } from '../../../common/contracts/common.ts';
import { requireRole, writeRoles } from '../../http/auth.ts';
import type { AuditService } from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, service: AuditService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags: ['audit'],
        querystring: auditListQuery,
        response: { 200: listResponse(auditRecord), 400: problem, 401: problem, 403: problem },
      },
    },
    (request) => service.list(request.query, request.user!),
  );
}
