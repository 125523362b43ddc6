// The work of hoptac import and hoptac worker (registered in import.ts, loaded only when run).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { type Config, readConfig } from '../../server/config.ts';
import { createExtractionPool } from '../../server/extraction/extraction-pool.ts';
import { prepareDatabase } from '../../server/main.ts';
import { importKeyOf, listFiles, readItems } from '../../server/modules/imports/import-files.ts';
import { type ImportQueue, startImportQueue } from '../../server/modules/imports/import-queue.ts';
import { createImportRunner } from '../../server/modules/imports/import-runner.ts';
import {
  createImportsService,
  type ImportCounts,
  type ImportsService,
  toFailuresCsv,
} from '../../server/modules/imports/imports.service.ts';
import { createSourcesService } from '../../server/modules/sources/sources.service.ts';

const importActor = { userId: null, email: 'hoptac import' };

export type ImportOptions = { json?: boolean; failures?: string; detach?: boolean };

/** Opens (and on a fresh directory or database, migrates) the database with the import's
 * services and, on PostgreSQL, the job queue. */
async function openImporting(config: Config, command: string) {
  const database = await prepareDatabase(config, { command, isDemo: false }, (line) => console.error(line));
  const extraction = createExtractionPool(config, { threads: availableParallelism(), isBackground: false });
  const sources = createSourcesService({ db: database.db, extraction });
  const imports = createImportsService({ db: database.db, extraction, sources });
  let queue: ImportQueue | null = null;
  try {
    if (config.DATABASE_URL) {
      queue = await startImportQueue(config.DATABASE_URL, (error) =>
        console.error(`queue: ${error.message}`),
      );
    }
  } catch (error) {
    await extraction.close();
    await database.close();
    throw error;
  }
  return {
    database,
    imports,
    queue,
    runner: createImportRunner({ imports, queue }),
    async close() {
      await queue?.stop();
      await extraction.close();
      await database.close();
    },
  };
}

/** Progress on stderr (stdout keeps the --json summary clean): a bar with rate and ETA on a
 * terminal, a plain line every few seconds otherwise. */
function showProgress(total: number, startedAt: number) {
  const isTerminal = Boolean(process.stderr.isTTY && process.stdout.isTTY);
  const bar = isTerminal
    ? new cliProgress.SingleBar(
        {
          format: 'import [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
          stream: process.stderr,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0, { rate: '0' });
  let lastLine = 0;
  let first: { at: number; settled: number } | null = null;
  return {
    update(counts: ImportCounts) {
      const settled = counts.total - counts.pending;
      const now = Date.now();
      first ??= { at: now, settled };
      const rate = (settled - first.settled) / Math.max((now - first.at) / 1000, 0.001);
      if (bar) {
        bar.update(settled, { rate: rate.toFixed(0) });
      } else if (now - lastLine > 2000 || counts.pending === 0) {
        lastLine = now;
        const eta = rate > 0 ? Math.round(counts.pending / rate) : null;
        console.error(
          `imported ${counts.imported}, duplicates ${counts.duplicates}, failed ${counts.failed}, ${settled}/${counts.total} settled, ${rate.toFixed(0)}/s${eta !== null ? `, ETA ${eta} s` : ''}, ${((now - startedAt) / 1000).toFixed(0)} s`,
        );
      }
    },
    stop: () => bar?.stop(),
  };
}

async function stageFiles(imports: ImportsService, importId: string, paths: string[]) {
  const skip = await imports.stagedPaths(importId);
  for await (const items of readItems(paths, skip)) await imports.stageItems(importId, items);
}

async function waitUntilSettled(
  imports: ImportsService,
  importId: string,
  onCounts: (c: ImportCounts) => void,
) {
  for (;;) {
    onCounts(await imports.countItems(importId));
    if (await imports.finishIfSettled(importId)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function printSummary(
  counts: ImportCounts,
  seconds: number,
  failures: string | null,
  options: ImportOptions,
) {
  if (options.json) {
    const summary = {
      imported: counts.imported,
      duplicates: counts.duplicates,
      failed: counts.failed,
      seconds,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  console.log(
    `Imported ${counts.imported} article(s) in ${seconds.toFixed(1)} s; ${counts.duplicates} duplicate(s) skipped (same URL or same text); ${counts.failed} failed.`,
  );
  if (failures) console.log(`The failures, each with its reason, are listed in ${failures}.`);
}

export async function runImport(paths: string[], options: ImportOptions) {
  const startedAt = Date.now();
  const files = await listFiles(paths);
  const session = await openImporting(readConfig(), 'hoptac import');
  const { imports, runner } = session;
  try {
    const { id, isResumed } = await imports.openImport(importKeyOf(files), importActor);
    if (isResumed) console.error('Resuming the unfinished import of the same files.');
    await stageFiles(imports, id, files);
    if (session.queue && options.detach) {
      await runner.run(id);
      console.error(
        `Queued ${(await imports.countItems(id)).pending} article(s); hoptac worker imports them.`,
      );
      return;
    }
    const total = (await imports.countItems(id)).total;
    const progress = showProgress(total, startedAt);
    if (session.queue) {
      // This process works the queue too, so one command is enough on one machine; workers
      // elsewhere share the jobs.
      await runner.run(id);
      await session.queue.work(2, runner.handleJob);
      await waitUntilSettled(imports, id, progress.update);
    } else {
      await runner.run(id, async () => progress.update(await imports.countItems(id)));
    }
    const counts = await imports.countItems(id);
    progress.update(counts);
    progress.stop();
    let failuresFile: string | null = null;
    if (counts.failed > 0) {
      failuresFile = options.failures ?? `hoptac-import-failures-${id.slice(0, 8)}.csv`;
      writeFileSync(failuresFile, toFailuresCsv(await imports.listFailures(id)));
    }
    printSummary(counts, (Date.now() - startedAt) / 1000, failuresFile, options);
  } finally {
    await session.close();
  }
}

export async function runWorker() {
  const config = readConfig();
  if (!config.DATABASE_URL) {
    throw new Error(
      'hoptac worker takes import jobs from PostgreSQL; set DATABASE_URL. On the embedded database, hoptac import does the work itself.',
    );
  }
  const session = await openImporting(config, 'hoptac worker');
  await session.queue!.work(2, async (job) => {
    await session.runner.handleJob(job);
    console.error(`Settled items ${job.fromSeq + 1}–${job.toSeq} of import ${job.importId}.`);
  });
  console.error('Waiting for import jobs; Ctrl-C stops after the jobs in hand.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await session.close();
}
