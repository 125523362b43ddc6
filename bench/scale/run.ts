// npm run bench:scale -- --sources N [--db pglite|postgres] [--url postgres://…]
// Builds a registry of N sources (default 100,000) with proportional records on a fresh database
// (PGlite in a temporary directory, or the database hoptac_bench_scale on the PostgreSQL server),
// starts the real server over it and prints each figure beside its same-run baseline. Each
// section is a module (search.ts, lists.ts, …) that run.ts calls in turn.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { readConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { generateData } from './generate.ts';
import { benchImport } from './import.ts';
import { measureLists } from './lists.ts';
import { measureSearch } from './search.ts';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'pglite' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    // Articles the batch import reads into a fresh database (0 skips it); the reader makes it the
    // slowest section, so it defaults to a tenth of the registry.
    import: { type: 'string' },
  },
});
const sourceCount = Number(values.sources);
const kind = values.db === 'postgres' ? 'postgres' : 'pglite';
const log = (line: string) =>
  console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const began = performance.now();

async function createBenchDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS hoptac_bench_scale WITH (FORCE)');
  await admin.query('CREATE DATABASE hoptac_bench_scale');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/hoptac_bench_scale';
  return url.toString();
}

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

const dataDir = mkdtempSync(join(tmpdir(), 'hoptac-scale-'));
const config = readConfig({
  DATABASE_URL: kind === 'postgres' ? await createBenchDatabase(values.url) : undefined,
  HOPTAC_DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'silent',
  HOPTAC_ADMIN_PASSWORD: 'bench-admin-password',
  HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
});
const server = await startServer(config, { isDemo: false, isServingWeb: false }, () => {});
const db = server.database.db;
log(`${kind}: generating ${sourceCount.toLocaleString('en')} sources with proportional records`);
const data = await generateData(db, sourceCount, log);
// What autovacuum does after a bulk load in any deployment (the test server runs without it):
// without statistics and a visibility map, each list's capped count read its rows from the heap
// (12–30 ms at 4,000 agreements instead of 0.5 ms) and the figures measured the load, not the app.
await db.execute(sql`vacuum analyze`);

const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: config.HOPTAC_ADMIN_EMAIL, password: 'bench-admin-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

log('search: 200 queries one at a time');
const searchFigures = await measureSearch(server.url, cookie, data);
log('lists: autocannon');
const listRows = await measureLists(server.url, cookie, db, data.biggestPartnerId);

const size =
  kind === 'postgres'
    ? Number(
        (
          (await db.execute(sql`select pg_database_size(current_database())::bigint as n`)) as unknown as {
            rows: { n: string }[];
          }
        ).rows[0]!.n,
      )
    : directorySize(dataDir);
const memory = process.memoryUsage();
await server.stop();
rmSync(dataDir, { recursive: true, force: true });

const importCount = Number(values.import ?? Math.ceil(sourceCount / 10));
if (importCount > 0)
  log(`import: ${importCount.toLocaleString('en')} articles through hoptac import's batch path`);
const importFigures =
  importCount > 0 ? await benchImport({ kind, sources: importCount, serverUrl: values.url }) : null;

const ms = (value: number) => value.toFixed(1).padStart(9);
console.log(
  `\nScale bench: ${sourceCount.toLocaleString('en')} sources on ${kind}; load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log(
  'search latency (ms), one request at a time'.padEnd(52),
  'p50'.padStart(9),
  'p95'.padStart(9),
  'p99'.padStart(9),
  'errors'.padStart(7),
);
const { search, sourcesQ, baseline } = searchFigures;
console.log(
  `GET /api/v1/search?q= (${searchFigures.queries} queries)`.padEnd(52),
  ms(search.p50),
  ms(search.p95),
  ms(search.p99),
  String(search.errors).padStart(7),
);
console.log(
  'GET /api/v1/sources?q= (same queries)'.padEnd(52),
  ms(sourcesQ.p50),
  ms(sourcesQ.p95),
  ms(sourcesQ.p99),
  String(sourcesQ.errors).padStart(7),
);
console.log(
  'baseline: GET /api/v1/partners/:id (primary key)'.padEnd(52),
  ms(baseline.p50),
  ms(baseline.p95),
  ms(baseline.p99),
);
console.log(
  `\nthroughput, autocannon 10 connections × 5 s`.padEnd(52),
  'req/s'.padStart(9),
  'p97.5 ms'.padStart(9),
  'bytes'.padStart(9),
  '÷ bare'.padStart(7),
  'errors'.padStart(7),
);
const bare = listRows[0]!.requestsPerSecond;
for (const row of listRows) {
  console.log(
    row.scenario.padEnd(52),
    row.requestsPerSecond.toFixed(0).padStart(9),
    String(row.p95).padStart(9),
    String(row.bytes).padStart(9),
    (row.requestsPerSecond / bare).toFixed(2).padStart(7),
    String(row.errors).padStart(7),
  );
}
console.log(
  `\ndata size: ${(size / 1024 / 1024).toFixed(0)} MiB (${kind === 'postgres' ? 'pg_database_size' : 'PGlite directory'})`,
);
console.log(
  `server process memory: rss ${(memory.rss / 1024 / 1024).toFixed(0)} MiB, heap used ${(memory.heapUsed / 1024 / 1024).toFixed(0)} MiB`,
);
if (importFigures) {
  console.log(
    `\nbatch import of ${importFigures.sources.toLocaleString('en')} articles: ${importFigures.seconds.toFixed(1)} s, ${importFigures.articlesPerSecond.toFixed(0)} articles/s; baseline: bare batched insert of the same rows ${importFigures.bareArticlesPerSecond.toFixed(0)} rows/s (import ÷ bare ${importFigures.ofBare.toFixed(2)}); CPU ${importFigures.processCpuSeconds.toFixed(1)} s in this process${importFigures.kind === 'postgres' ? ` + ${importFigures.serverCpuSeconds.toFixed(1)} s in the server's backends` : ''}, ${(((importFigures.processCpuSeconds + importFigures.serverCpuSeconds) / importFigures.sources) * 1000).toFixed(2)} ms per article`,
  );
}
console.log(`total ${((performance.now() - began) / 1000).toFixed(0)} s`);
process.exit(0);
