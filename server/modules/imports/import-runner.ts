// Runs a staged import where the database says: on PostgreSQL its jobs go on the queue for any
// worker; on PGlite (one process holds the data directory) this process drafts it.
import type { ImportJob, ImportQueue } from './import-queue.ts';
import type { ImportsService } from './imports.service.ts';

export function createImportRunner({
  imports,
  queue,
}: {
  imports: ImportsService;
  queue: ImportQueue | null;
}) {
  return {
    /** Whether imports go to the queue (PostgreSQL) rather than being drafted in this process. */
    isQueued: queue !== null,
    /** Marks the import ready and starts it; on PGlite the promise ends when it is settled. */
    async run(importId: string, onBatch?: () => void | Promise<void>): Promise<void> {
      await imports.markQueued(importId);
      if (queue) {
        const ranges = await imports.seqRanges(importId);
        await queue.enqueue(ranges.map((range) => ({ importId, ...range })));
        return;
      }
      await imports.processItems(importId, await imports.actorOf(importId), {}, onBatch);
      await imports.finishIfSettled(importId);
    },

    /** One queued job, in a worker. */
    async handleJob(job: ImportJob): Promise<void> {
      const actor = await imports.actorOf(job.importId);
      await imports.processItems(job.importId, actor, { fromSeq: job.fromSeq, toSeq: job.toSeq });
      await imports.finishIfSettled(job.importId);
    },
  };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;
