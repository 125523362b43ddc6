import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../../common/contracts/common.ts';
import { articleDraft } from '../../../common/contracts/draft.ts';
import { acceptDraft, acceptResult, progressProposal } from '../../../common/contracts/review.ts';
import {
  createSource,
  provenanceItem,
  provenanceQuery,
  sourceListQuery,
  sourceRecord,
  sourceSummary,
  updateSource,
} from '../../../common/contracts/sources.ts';
import { actorOf, readRoles, requireRole, writeRoles } from '../../http/auth.ts';
import { registerCollectionRoutes } from '../../http/collection-routes.ts';
import { commonErrors } from '../../http/errors.ts';
import { parseBody } from '../../http/parse-body.ts';
import type { DocumentsService } from '../documents/documents.service.ts';
import type { ReviewService } from '../review/review.service.ts';
import type { SourcesService } from './sources.service.ts';

/** A multipart field's text, when it is one. */
function readField(field: unknown): string | undefined {
  const value = field && typeof field === 'object' && 'value' in field ? field.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

const problems = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  413: problem,
  415: problem,
  422: problem,
};

export function registerSourcesRoutes(
  app: FastifyInstance,
  service: SourcesService,
  review: ReviewService,
  documents: DocumentsService,
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  registerCollectionRoutes(app, {
    path: '/api/v1/sources',
    tag: 'sources',
    record: sourceRecord,
    listItem: sourceSummary,
    create: createSource,
    update: updateSource,
    listQuery: sourceListQuery,
    service,
    hasCustomCreate: true,
  });

  typed.post(
    '/api/v1/sources',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags: ['sources'],
        description:
          'Stores an article and the reader’s draft of it. Send JSON (see CreateSource: text, format, title, url, outlet, publishedAt, language, allowDuplicate) or multipart/form-data with a `file` (.txt, .html, .docx, .pdf) and the same optional fields; an article with the address or text of a stored source is answered 409 sources.duplicate naming it (`duplicateOf`) unless allowDuplicate is true; with `signedText=true` the file (PDF or DOCX) is an agreement’s signed text, kept and attached to the agreement its accepted review creates.',
        response: { 201: sourceRecord, ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.isMultipart()) {
        const file = await request.file();
        if (!file) throw commonErrors.invalid('The upload has no file; send it in a field named "file".');
        const bytes = new Uint8Array(await file.toBuffer());
        const isSignedText = readField(file.fields.signedText) === 'true';
        if (isSignedText) documents.requireSignedText(bytes);
        const flags = ['file', 'signedText', 'allowDuplicate'];
        const fields = Object.fromEntries(
          Object.entries(file.fields)
            .filter(([name]) => !flags.includes(name))
            .map(([name, field]) => [name, field && 'value' in field ? field.value : undefined])
            .filter(([, value]) => typeof value === 'string' && value !== ''),
        );
        const metadata = {
          ...parseBody(createSource.omit({ text: true, format: true, allowDuplicate: true }), fields),
          allowDuplicate: readField(file.fields.allowDuplicate) === 'true',
        };
        const source = await service.createFromUpload({ bytes, filename: file.filename }, metadata, actor);
        if (isSignedText) {
          // Kept with the source while it is reviewed; accepting moves it to the agreement.
          await documents.upload(
            {
              bytes,
              fileName: file.filename,
              recordType: 'source',
              recordId: source.id,
              kind: 'signed_text',
            },
            request.user,
          );
        }
        return reply.code(201).send(source);
      }
      const input = parseBody(createSource, request.body);
      return reply.code(201).send(await service.create(input, actor));
    },
  );

  typed.get(
    '/api/v1/provenance',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['sources'],
        querystring: provenanceQuery,
        response: { 200: z.object({ items: z.array(provenanceItem) }), ...problems },
      },
    },
    async (request) => ({
      items: await service.listProvenance(request.query.recordType, request.query.recordId),
    }),
  );

  typed.get(
    '/api/v1/sources/:id/draft',
    {
      onRequest: requireRole(readRoles),
      schema: { tags: ['sources'], params: idParams, response: { 200: articleDraft, ...problems } },
    },
    (request) => service.getDraft(request.params.id),
  );

  typed.get(
    '/api/v1/sources/:id/progress-proposals',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags: ['sources'],
        description:
          'Progress the source’s draft reports on registered commitments and agreements, each with why it matched; accept one by sending it in `progress` to /accept.',
        params: idParams,
        response: { 200: z.object({ items: z.array(progressProposal) }), ...problems },
      },
    },
    async (request) => ({ items: await review.listProgressProposals(request.params.id) }),
  );

  typed.post(
    '/api/v1/sources/:id/accept',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags: ['sources'],
        params: idParams,
        body: acceptDraft,
        response: { 200: acceptResult, ...problems },
      },
    },
    async (request) => {
      const result = await review.acceptDraft(request.params.id, request.body, actorOf(request));
      const [agreementId] = result.agreementIds;
      if (agreementId) await documents.moveSignedText(result.sourceId, agreementId, actorOf(request));
      return result;
    },
  );
}
