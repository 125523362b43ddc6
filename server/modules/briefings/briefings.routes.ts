import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, recordId } from '../../../common/contracts/common.ts';
import { languages } from '../../../common/domain/enums.ts';
import { readRoles, requireRole } from '../../http/auth.ts';
import type { BriefingFormat, BriefingsService } from './briefings.service.ts';

const contentTypes: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function registerBriefingsRoutes(app: FastifyInstance, service: BriefingsService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['docx', 'pdf'] as const) {
    typed.get(
      `/api/v1/partners/:id/briefing.${format}`,
      {
        onRequest: requireRole(readRoles),
        schema: {
          tags: ['partners'],
          description: `A one-to-three-page briefing on the partner as ${format.toUpperCase()}, in Vietnamese or English.`,
          params: z.object({ id: recordId }),
          querystring: z.strictObject({ lang: z.enum(languages).default('vi') }),
          response: { 200: z.any(), 400: problem, 401: problem, 403: problem, 404: problem },
        },
      },
      async (request, reply) => {
        const { content, partnerCode } = await service.render(request.params.id, format, request.query.lang);
        const name = `briefing-${partnerCode.toLowerCase()}-${request.query.lang}.${format}`;
        return reply
          .type(contentTypes[format])
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(content);
      },
    );
  }
}
