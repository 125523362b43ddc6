import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../../common/contracts/common.ts';
import {
  deleteDocumentQuery,
  documentListQuery,
  documentRecord,
  type UploadDocumentFields,
  updateDocument,
  uploadDocumentFields,
} from '../../../common/contracts/documents.ts';
import { actorOf, readRoles, requireRole, writeRoles } from '../../http/auth.ts';
import { parseBody } from '../../http/parse-body.ts';
import { toAttachmentDisposition } from './content-disposition.ts';
import { documentsErrors } from './documents.errors.ts';
import { type DocumentsService, tooLarge } from './documents.service.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const uploadProblems = { ...problems, 413: problem, 415: problem };

/** Reads a multipart upload, fields in any order, the file counted as it streams in: past the
 * size limit the stream stops and the upload is refused without being held whole. */
export async function readDocumentUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw documentsErrors.noFile(
      'Send the document as multipart/form-data with the file in a field named "file".',
    );
  }
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; fileName: string } | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file' || file) {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    if (part.file.truncated) throw tooLarge(maxBytes);
    file = { bytes: new Uint8Array(Buffer.concat(chunks)), fileName: part.filename };
  }
  if (!file) throw documentsErrors.noFile('The upload has no file; send it in a field named "file".');
  return { ...file, fields };
}

function sendFile(reply: FastifyReply, document: { fileName: string; mediaType: string }, bytes: Uint8Array) {
  return reply
    .header('content-type', document.mediaType)
    .header('content-disposition', toAttachmentDisposition(document.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export function registerDocumentsRoutes(app: FastifyInstance, service: DocumentsService) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  typed.post(
    '/api/v1/documents',
    {
      // Units too: a unit attaches files to the commitments it owns (checked in the service).
      onRequest: requireRole(['admin', 'editor', 'unit']),
      schema: {
        tags,
        description: `Attaches a file to an agreement, event or commitment: multipart/form-data with \`file\` (PDF, DOCX, XLSX, PNG, JPEG or WEBP, told by content), \`recordType\`, \`recordId\`, \`kind\` and optionally \`isPublic\`.`,
        response: { 201: documentRecord, ...uploadProblems },
      },
    },
    async (request, reply) => {
      const upload = await readDocumentUpload(request, service.maxBytes);
      const fields: UploadDocumentFields = parseBody(uploadDocumentFields, upload.fields);
      const created = await service.upload(
        { bytes: upload.bytes, fileName: upload.fileName, ...fields },
        request.user!,
      );
      return reply.code(201).send(created);
    },
  );

  typed.get(
    '/api/v1/documents',
    {
      onRequest: requireRole(readRoles),
      schema: {
        tags,
        querystring: documentListQuery,
        response: { 200: z.object({ items: z.array(documentRecord) }), ...problems },
      },
    },
    async (request) => ({ items: await service.list(request.query.recordType, request.query.recordId) }),
  );

  typed.get(
    '/api/v1/documents/:id',
    {
      onRequest: requireRole(readRoles),
      schema: { tags, params: idParams, response: { 200: documentRecord, ...problems } },
    },
    (request) => service.get(request.params.id),
  );

  typed.get(
    '/api/v1/documents/:id/content',
    {
      onRequest: requireRole(readRoles),
      schema: { tags, params: idParams, response: { 200: z.any(), ...problems } },
    },
    async (request, reply) => {
      const { document, bytes } = await service.readContent(request.params.id);
      return sendFile(reply, document, bytes);
    },
  );

  typed.patch(
    '/api/v1/documents/:id',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags,
        params: idParams,
        body: updateDocument,
        response: { 200: documentRecord, ...problems },
      },
    },
    (request) => service.update(request.params.id, request.body, actorOf(request)),
  );

  typed.delete(
    '/api/v1/documents/:id',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags,
        params: idParams,
        querystring: deleteDocumentQuery,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await service.remove(request.params.id, request.query.version, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/public/documents/:id/content',
    {
      schema: { tags: ['portal'], params: idParams, response: { 200: z.any(), 400: problem, 404: problem } },
    },
    async (request, reply) => {
      const { document, bytes } = await service.readPublicContent(request.params.id);
      return sendFile(reply, document, bytes);
    },
  );
}
