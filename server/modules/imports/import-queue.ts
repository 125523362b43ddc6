// On PostgreSQL a batch import is a job queue in the database (pg-boss): `hoptac import` and the
// web's batch upload enqueue one job per range of items, and every `hoptac worker` (on any machine
// that reaches the database) takes jobs. A job only drafts and writes items still pending, so a
// job retried after its worker died, or run twice, imports nothing twice.
import pg from 'pg';
import PgBoss from 'pg-boss';

export const importQueueName = 'hoptac-import';

export type ImportJob = { importId: string; fromSeq: number; toSeq: number };

/** A job that outlives this is taken to have lost its worker and is run again. */
const jobExpirySeconds = 15 * 60;

export async function startImportQueue(connectionString: string, onError: (error: Error) => void) {
  const boss = new PgBoss({ connectionString, max: 3, schema: 'pgboss' });
  boss.on('error', onError);
  await oneAtATime(connectionString, async () => {
    await boss.start();
    await boss.createQueue(importQueueName);
  });
  return {
    async enqueue(jobs: ImportJob[]): Promise<void> {
      await boss.insert(
        jobs.map((data) => ({
          name: importQueueName,
          data,
          retryLimit: 5,
          retryDelay: 5,
          expireInSeconds: jobExpirySeconds,
        })),
      );
    },
    /** Takes jobs until stopped, `lanes` at a time. */
    async work(lanes: number, handle: (job: ImportJob) => Promise<void>): Promise<void> {
      for (let lane = 0; lane < lanes; lane++) {
        await boss.work<ImportJob>(
          importQueueName,
          { batchSize: 1, pollingIntervalSeconds: 0.5 },
          async (jobs) => {
            for (const job of jobs) await handle(job.data);
          },
        );
      }
    },
    stop: () => boss.stop({ graceful: true, timeout: 60_000, wait: true }),
  };
}

/** pg-boss creates its schema and a queue's partition with DDL beside DML: two processes doing it
 * at once (workers started together on a new database) deadlock. A session advisory lock makes
 * them take turns; the second finds everything made. */
async function oneAtATime(connectionString: string, setUp: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('hoptac:import-queue-setup'))`);
    await setUp();
  } finally {
    await client.end();
  }
}

export type ImportQueue = Awaited<ReturnType<typeof startImportQueue>>;

/** A queue started on first use, for the app: most processes never enqueue an import. */
export function createLazyImportQueue(
  connectionString: string,
  onError: (error: Error) => void,
): ImportQueue {
  let started: Promise<ImportQueue> | null = null;
  const get = () => {
    started ??= startImportQueue(connectionString, onError);
    return started;
  };
  return {
    enqueue: async (jobs) => (await get()).enqueue(jobs),
    work: async (lanes, handle) => (await get()).work(lanes, handle),
    stop: async () => {
      if (started) await (await started).stop();
    },
  };
}
