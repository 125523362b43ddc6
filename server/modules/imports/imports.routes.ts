import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../../common/contracts/common.ts';
import { importProgress } from '../../../common/contracts/imports.ts';
import { actorOf, requireRole, writeRoles } from '../../http/auth.ts';
import { commonErrors } from '../../http/errors.ts';
import { zipItems } from './import-files.ts';
import type { ImportRunner } from './import-runner.ts';
import type { ImportsService, StagedItem } from './imports.service.ts';

const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 413: problem, 415: problem };

/** Files one batch upload may hold (a .zip counts as one). */
const maxFiles = 2000;

/** A name for each uploaded file, unique within the upload (two files may share one). */
function uniquePath(name: string, taken: Set<string>): string {
  let path = name;
  for (let copy = 2; taken.has(path); copy++) path = `${name} (${copy})`;
  taken.add(path);
  return path;
}

export function registerImportsRoutes(app: FastifyInstance, imports: ImportsService, runner: ImportRunner) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/imports',
    {
      onRequest: requireRole(writeRoles),
      schema: {
        tags: ['sources'],
        description:
          'A batch import: multipart/form-data with any number of `files` (.txt, .html, .docx, .pdf, or a .zip of them). Every article is drafted by the reader and stored as a draft source; duplicates (same URL or same text) are skipped. Answers at once with the progress to poll.',
        response: { 202: importProgress, ...problems },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw commonErrors.invalid('Send the files as multipart/form-data, in fields named "files".');
      }
      let id: string | null = null;
      const taken = new Set<string>();
      for await (const file of request.files({ limits: { files: maxFiles } })) {
        const bytes = new Uint8Array(await file.toBuffer());
        const path = uniquePath(file.filename, taken);
        id ??= (await imports.openImport(randomUUID(), actorOf(request))).id;
        if (path.toLowerCase().endsWith('.zip')) {
          try {
            for (const items of zipItems(path, bytes)) await imports.stageItems(id, items);
          } catch {
            await imports.stageItems(id, [{ path, bytes: null, reason: 'not a readable zip archive' }]);
          }
        } else {
          await imports.stageItems(id, [{ path, bytes } satisfies StagedItem]);
        }
      }
      if (id === null)
        throw commonErrors.invalid('The upload has no file; send them in fields named "files".');
      const importId = id;
      // On PGlite this process drafts the import after answering; on PostgreSQL the workers do.
      const started = runner.run(importId);
      if (runner.isQueued) await started;
      else
        started.catch((error: unknown) => request.log.error({ err: error, importId }, 'batch import failed'));
      return reply.code(202).send((await imports.getProgress(importId))!);
    },
  );

  typed.get(
    '/api/v1/imports/:id',
    {
      onRequest: requireRole(writeRoles),
      schema: { tags: ['sources'], params: idParams, response: { 200: importProgress, ...problems } },
    },
    async (request) => {
      const progress = await imports.getProgress(request.params.id);
      if (!progress) throw commonErrors.notFound(`There is no import with id ${request.params.id}.`);
      return progress;
    },
  );
}
