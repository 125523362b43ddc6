import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import { type ReportFormat, yearlyReportQuery } from '../../../common/contracts/reports.ts';
import type { Role } from '../../../common/domain/enums.ts';
import { requireRole } from '../../http/auth.ts';
import type { YearlyReportService } from './yearly-report.service.ts';

const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The ministry's consolidated report is for the international-cooperation desk and leadership
 * (editors, admins, viewers); a unit sees its own commitments, not every unit's agreements. */
export const reportReaderRoles: readonly Role[] = ['admin', 'editor', 'viewer'];

export function registerReportsRoutes(app: FastifyInstance, service: YearlyReportService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reports/yearly',
    {
      onRequest: requireRole(reportReaderRoles),
      schema: {
        tags: ['reports'],
        description:
          'The yearly report on international agreements (Law 70/2020, Decree 64/2021): every agreement signed, in force, expired or terminated in the year, by signing unit, as DOCX (Decree 30/2020 layout) or XLSX.',
        querystring: yearlyReportQuery,
        response: { 200: z.any(), 400: problem, 401: problem, 403: problem },
      },
    },
    async (request, reply) => {
      const { year, format } = request.query;
      const content = await service.render(year, format);
      return reply
        .type(contentTypes[format])
        .header('content-disposition', `attachment; filename="bao-cao-thoa-thuan-quoc-te-${year}.${format}"`)
        .send(content);
    },
  );
}
