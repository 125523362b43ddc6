import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import { iatiExportQuery } from '../../../common/contracts/iati.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import type { IatiService } from './iati.service.ts';
import type { IatiReportingOrg } from './iati-activities.ts';

export function registerIatiRoutes(
  app: FastifyInstance,
  service: IatiService,
  reportingOrg: IatiReportingOrg,
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/export/iati.xml',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['export'],
        description: 'Agreements as IATI 2.03 activities; their commitments as child activities.',
        querystring: iatiExportQuery,
        response: {
          200: z.string().describe('iati-activities 2.03 XML'),
          400: problem,
          401: problem,
          403: problem,
          404: problem,
        },
      },
    },
    async (request, reply) => {
      const xml = await service.exportActivities(request.query, reportingOrg);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', 'attachment; filename="hoptac-iati-activities.xml"')
        .send(xml);
    },
  );
}
