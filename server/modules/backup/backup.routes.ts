import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../common/contracts/common.ts';
import type { Database } from '../../db/client.ts';
import { adminRoles, requireRole } from '../../http/auth.ts';
import { writeBackup } from './backup.service.ts';

/** The online backup: the same archive as `hoptac backup`, for an embedded database the running
 * server holds locked. It is written to a temporary file first, so the snapshot transaction (which
 * on PGlite holds every other request) lasts as long as reading the database, not the download. */
export function registerBackupRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/admin/backup',
    {
      onRequest: requireRole(adminRoles),
      schema: {
        tags: ['admin'],
        description:
          'A backup of the whole database (gzip of JSON lines); restore it with `hoptac restore FILE`.',
        response: { 200: z.unknown(), 401: problem, 403: problem },
      },
    },
    async (_request, reply) => {
      const dir = mkdtempSync(join(tmpdir(), 'hoptac-backup-'));
      const file = join(dir, 'hoptac.backup.gz');
      try {
        await writeBackup(db, createWriteStream(file));
      } catch (error) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
      const stream = createReadStream(file);
      stream.once('close', () => rmSync(dir, { recursive: true, force: true }));
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="hoptac-${day}.backup.gz"`)
        .send(stream);
    },
  );
}
