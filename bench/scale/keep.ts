// npx tsx bench/scale/keep.ts [--sources N] [--url postgres://…/db | --dir /path/for/pglite] [--runs N]
//   [--only search|sources]
// Times the 200 search queries of search.ts against a registry generated once and kept: the first
// run creates the database (and writes the generated data's names to a JSON file beside it), later
// runs start the server on it as it is, so a change to search can be measured in a minute rather
// than the full bench's six to nine.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { type GeneratedData, generateData } from './generate.ts';
import { buildQueries, percentiles } from './search.ts';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '100000' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/hoptac_h_search' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    dir: { type: 'string' },
  },
});
const dir = values.dir;
const name = dir ? 'pglite' : new URL(values.url).pathname.slice(1);
const dataFile = dir ? `${dir}.generated.json` : join(tmpdir(), `${name}.data.json`);
let isFresh = !existsSync(dataFile);
if (dir) {
  mkdirSync(dir, { recursive: true });
} else {
  const adminUrl = new URL(values.url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
  isFresh ||= !exists;
  if (isFresh) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  }
  await admin.end();
}

const config = readConfig({
  DATABASE_URL: dir ? undefined : values.url,
  HOPTAC_DATA_DIR: dir ?? tmpdir(),
  PORT: '0',
  LOG_LEVEL: 'silent',
  HOPTAC_ADMIN_PASSWORD: 'bench-admin-password',
  HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
});
const server = await startServer(config, { isDemo: false, isServingWeb: false }, () => {});
let data: GeneratedData;
if (isFresh) {
  data = await generateData(server.database.db, Number(values.sources), console.log);
  writeFileSync(dataFile, JSON.stringify(data));
} else {
  data = JSON.parse(readFileSync(dataFile, 'utf8')) as GeneratedData;
}
const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: config.HOPTAC_ADMIN_EMAIL, password: 'bench-admin-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const queries = buildQueries(data);

async function timeAll(path: string) {
  const samples: { query: string; ms: number }[] = [];
  for (const query of queries) {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}${encodeURIComponent(query)}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${response.status} for ${query}`);
    samples.push({ query, ms: performance.now() - started });
  }
  return samples;
}

const paths =
  values.only === 'sources'
    ? ['/api/v1/sources?q=']
    : values.only === 'search'
      ? ['/api/v1/search?q=']
      : ['/api/v1/search?q=', '/api/v1/sources?q='];
for (const path of paths) {
  await timeAll(path); // warm-up: plans, caches
  for (let run = 0; run < Number(values.runs); run += 1) {
    const samples = await timeAll(path);
    const figures = percentiles(samples.map((sample) => sample.ms));
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    console.log(
      `${path} p50 ${figures.p50.toFixed(1)} p95 ${figures.p95.toFixed(1)} p99 ${figures.p99.toFixed(1)} (load ${load})`,
    );
    const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 8);
    console.log('  slowest:', slowest.map((s) => `${s.query} ${s.ms.toFixed(0)}`).join(' | '));
  }
}
await server.stop();
process.exit(0);
