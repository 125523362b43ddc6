import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type ColumnCollection,
  columnCollections,
  importableCollections,
} from '../../../common/columns/collections.ts';
import { problem } from '../../../common/contracts/common.ts';
import {
  exportQuery,
  importQuery,
  importResult,
  templateQuery,
} from '../../../common/contracts/spreadsheets.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { actorOf, readRoles, requireRole, writeRoles } from '../../http/auth.ts';
import { detectSheetKind, SheetError } from './sheet-files.ts';
import { describeFileProblem } from './sheet-messages.ts';
import { fileErrors } from './spreadsheets.errors.ts';
import type { SpreadsheetFile, SpreadsheetsService } from './spreadsheets.service.ts';

const problems = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  413: problem,
  415: problem,
  422: problem,
};

/** The largest spreadsheet one import takes. */
export const importBytesMax = 5 * 1024 * 1024;

/** `?lang=`, else the language the browser prefers of the two, else Vietnamese. */
export function requestLanguage(request: FastifyRequest, asked: Language | undefined): Language {
  if (asked) return asked;
  const header = String(request.headers['accept-language'] ?? '');
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag === 'vi' || entry.tag === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.tag as Language | undefined) ?? 'vi';
}

function sendFile(reply: import('fastify').FastifyReply, file: SpreadsheetFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.content);
}

export function registerSpreadsheetsRoutes(app: FastifyInstance, service: SpreadsheetsService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const collection of columnCollections) {
    for (const kind of ['xlsx', 'csv'] as const) {
      typed.get(
        `/api/v1/export/${collection}.${kind}`,
        {
          onRequest: requireRole(readRoles),
          schema: {
            tags: ['export'],
            description: `Every ${collection} the list's filters match, as ${kind.toUpperCase()} (at most 50,000; narrow the filters past that). Headers in Vietnamese or English; ids so the file can come back through the import.`,
            querystring: exportQuery(collection),
            response: { 200: z.any(), ...problems },
          },
        },
        async (request, reply) => {
          const { lang, ...query } = request.query as Record<string, unknown> & { lang?: Language };
          const file = await service.exportRecords(collection, query, requestLanguage(request, lang), kind);
          return sendFile(reply, file);
        },
      );
    }
  }
  for (const collection of importableCollections) registerImport(app, service, collection);
}

function registerImport(app: FastifyInstance, service: SpreadsheetsService, collection: ColumnCollection) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of ['xlsx', 'csv'] as const) {
    typed.get(
      `/api/v1/import/${collection}/template.${kind}`,
      {
        onRequest: requireRole(readRoles),
        schema: {
          tags: ['import'],
          description: `The ${collection} import's template: the export's header with no rows.`,
          querystring: templateQuery,
          response: { 200: z.any(), ...problems },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await service.template(collection, requestLanguage(request, request.query.lang), kind),
        ),
    );
  }
  typed.post(
    `/api/v1/import/${collection}`,
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags: ['import'],
        description: `Creates and updates ${collection} from an XLSX or CSV file shaped as the export (multipart/form-data, field \`file\`, at most 5 MB and 10,000 rows). A row with a known id updates that record, one with a new or no id creates one. Nothing is written on a dry run (the default), nor when a row has a mistake unless onlyValid=true.`,
        querystring: importQuery,
        response: { 200: importResult, ...problems },
      },
    },
    async (request) => {
      const language = requestLanguage(request, request.query.lang);
      const refuse = (kind: keyof typeof fileErrors, problemOf = { kind } as never) =>
        fileErrors[kind](describeFileProblem(language, problemOf));
      if (!request.isMultipart()) throw refuse('no_file');
      let bytes: Buffer;
      let filename: string;
      try {
        const file = await request.file({ limits: { fileSize: importBytesMax, files: 1 } });
        if (!file) throw refuse('no_file');
        filename = file.filename;
        bytes = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse('too_large');
        throw error;
      }
      try {
        return await service.importRecords(
          collection,
          { bytes, kind: detectSheetKind(bytes, filename) },
          { isDryRun: request.query.dryRun ?? true, isOnlyValid: request.query.onlyValid ?? false },
          language,
          actorOf(request),
        );
      } catch (error) {
        if (error instanceof SheetError) throw refuse(error.problem.kind, error.problem as never);
        throw error;
      }
    },
  );
}
