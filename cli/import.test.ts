import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../server/config.ts';
import { openPglite } from '../server/db/client.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { kind, url } = readTestDatabaseConfig();
const articles = 600;

const topics = [
  'vắc xin',
  'đào tạo bác sĩ',
  'y học cổ truyền',
  'phòng chống sốt rét',
  'bệnh viện tuyến tỉnh',
];

/** Distinct articles, one exact copy of the first (a duplicate) and one file of a foreign type. */
function writeArticles(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < articles; i++) {
    const text = `Tin số ${i}: hợp tác về ${topics[i % topics.length]}\n\nNgày 12/3/2025, đoàn công tác của Bộ Y tế Việt Nam làm việc với đối tác về ${topics[i % topics.length]}, bài số ${i}, mã ${randomBytes(4).toString('hex')}.\n`;
    writeFileSync(join(dir, `tin-${String(i).padStart(4, '0')}.txt`), text);
  }
  writeFileSync(join(dir, 'zz-copy.txt'), readFileSync(join(dir, 'tin-0000.txt')));
  writeFileSync(join(dir, 'notes.csv'), 'not,an,article\n');
}

/** An empty database per run (the import must migrate it itself), or a PGlite directory. */
async function createEmptyDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'hoptac-import-db-'));
    return {
      env: { DATABASE_URL: '', HOPTAC_DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `hoptac_import_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

type Run = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
};

function hoptac(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['cli/bin.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', HOPTAC_ADMIN_PASSWORD: 'import-test-password' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string | (() => string),
  ms = 120_000,
  everyMs = 100,
) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Reads the database the CLI wrote (after the CLI has exited, for PGlite's lock). */
async function query<T>(env: Record<string, string>, text: string): Promise<T[]> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const handle = await openPglite(env.HOPTAC_DATA_DIR!, 'import test');
  try {
    return ((await handle.db.execute(text)) as unknown as { rows: T[] }).rows;
  } finally {
    await handle.close();
  }
}

const storedCounts = (env: Record<string, string>) =>
  query<{ sources: number; hashes: number; settled: number }>(
    env,
    `select (select count(*)::int from sources) as sources,
            (select count(distinct text_hash)::int from sources) as hashes,
            (select count(*)::int from import_items where status <> 'pending') as settled`,
  );

describe(`hoptac import on ${kind}`, () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'hoptac-import-'));
    writeArticles(join(work, 'articles'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('continues after kill -9 midway and imports every article exactly once', async () => {
    const database = await createEmptyDatabase();
    try {
      const first = hoptac(
        ['import', join(work, 'articles'), '--json', '--failures', join(work, 'failed-killed.csv')],
        database.env,
      );
      // Killed once a first batch is written: on PostgreSQL the database tells (a quiet machine can
      // write all 600 between two progress lines); PGlite's lock keeps others out, so there the
      // progress line tells.
      await waitFor(
        async () => {
          if (database.env.DATABASE_URL) {
            const [row] = await query<{ n: number }>(
              database.env,
              `select count(*)::int as n from import_items where status <> 'pending'`,
            ).catch(() => [{ n: 0 }]);
            return (row?.n ?? 0) > 0;
          }
          const imported = [...first.stderr().matchAll(/imported (\d+),/g)].map((m) => Number(m[1]));
          return imported.some((n) => n > 0);
        },
        'the first batch',
        120_000,
        20,
      );
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      expect(first.stdout()).toBe('');

      const second = hoptac(
        ['import', join(work, 'articles'), '--json', '--failures', join(work, 'failed.csv')],
        database.env,
      );
      expect(await second.exited).toBe(0);
      expect(second.stderr()).toContain('Resuming the unfinished import');
      const summary = JSON.parse(second.stdout()) as Record<string, number>;
      expect(summary).toMatchObject({ imported: articles, duplicates: 1, failed: 1 });
      expect(summary.seconds).toBeGreaterThan(0);
      expect(readFileSync(join(work, 'failed.csv'), 'utf8')).toMatch(
        /^path,reason\r\n".*notes\.csv","not a \.txt/,
      );

      const [counts] = await storedCounts(database.env);
      expect(counts).toEqual({ sources: articles, hashes: articles, settled: articles + 2 });

      // The same files again: a new import in which every article is a duplicate.
      const third = hoptac(
        ['import', join(work, 'articles'), '--json', '--failures', join(work, 'failed-2.csv')],
        database.env,
      );
      expect(await third.exited).toBe(0);
      expect(JSON.parse(third.stdout())).toMatchObject({ imported: 0, duplicates: articles + 1, failed: 1 });
      const [after] = await storedCounts(database.env);
      expect(after?.sources).toBe(articles);
    } finally {
      await database.drop();
    }
  }, 600_000);

  it.runIf(kind === 'postgres')(
    'shares one import between two workers, each article imported once',
    async () => {
      const database = await createEmptyDatabase();
      const workers: Run[] = [];
      try {
        // Migrate first, so the workers do not race each other to create the tables.
        const migrate = hoptac(['migrate'], database.env);
        expect(await migrate.exited).toBe(0);
        workers.push(hoptac(['worker'], database.env), hoptac(['worker'], database.env));
        await waitFor(
          () => {
            // A worker that stopped will never be ready: say what it printed instead of waiting on.
            const stopped = workers.find((w) => w.child.exitCode !== null || w.child.signalCode !== null);
            if (stopped) throw new Error(`a worker stopped at start: ${stopped.stderr()}`);
            return workers.every((w) => w.stderr().includes('Waiting for import jobs'));
          },
          () => `the workers; they printed: ${JSON.stringify(workers.map((w) => w.stderr().slice(-500)))}`,
        );

        const enqueue = hoptac(['import', join(work, 'articles'), '--detach', '--json'], database.env);
        expect(await enqueue.exited).toBe(0);
        expect(enqueue.stderr()).toMatch(/Queued 602 article/);

        await waitFor(
          async () => {
            const [row] = await query<{ status: string }>(database.env, 'select status from imports');
            return row?.status === 'done';
          },
          'the workers to settle the import',
          300_000,
        );

        const [counts] = await storedCounts(database.env);
        expect(counts).toEqual({ sources: articles, hashes: articles, settled: articles + 2 });
        const [items] = await query<{ imported: number; duplicate: number }>(
          database.env,
          `select count(*) filter (where status = 'imported')::int as imported,
                count(*) filter (where status = 'duplicate')::int as duplicate from import_items`,
        );
        expect(items).toEqual({ imported: articles, duplicate: 1 });
        for (const worker of workers) expect(worker.stderr()).toMatch(/Settled items \d+–\d+/);
      } finally {
        for (const worker of workers) {
          worker.child.kill('SIGTERM');
          await worker.exited;
        }
        await database.drop();
      }
    },
    600_000,
  );
});
