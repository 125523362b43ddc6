// API throughput and latency under load (autocannon, loopback only, bounded in time), over the
// embedded database with the demo data. The same-run baseline is GET /api/health: it runs the
// whole HTTP stack without touching the database, so each ratio says what the work itself costs.
// Run: npx tsx bench/api.bench.ts [postgres://user@host/db]  (with a URL: on a fresh database
// hoptac_bench created on that server, instead of PGlite)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { readConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';

const durationSeconds = 5;
const connections = 10;

async function createBenchDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS hoptac_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE hoptac_bench');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/hoptac_bench';
  return url.toString();
}

const serverUrl = process.argv[2];
const config = readConfig({
  DATABASE_URL: serverUrl ? await createBenchDatabase(serverUrl) : undefined,
  HOPTAC_DATA_DIR: mkdtempSync(join(tmpdir(), 'hoptac-bench-')),
  PORT: '0',
  LOG_LEVEL: 'silent',
  HOPTAC_ADMIN_PASSWORD: 'bench-admin-password',
  HOPTAC_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
});
const server = await startServer(config, { isDemo: true, isServingWeb: false }, () => {});
const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: config.HOPTAC_ADMIN_EMAIL, password: 'bench-admin-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const belarus = (await (
  await fetch(`${server.url}/api/v1/partners?q=belarus`, { headers: { cookie } })
).json()) as {
  items: { id: string }[];
};

const scenarios: [string, string][] = [
  ['baseline: GET /api/health', '/api/health'],
  ['GET /api/v1/agreements (list)', '/api/v1/agreements?pageSize=20'],
  ['GET /api/v1/commitments?isOverdue=false', '/api/v1/commitments?isOverdue=false'],
  ['GET /api/v1/search?q=nguyen tri thuc', '/api/v1/search?q=nguyen%20tri%20thuc'],
  ['GET /api/v1/partners/:id/overview', `/api/v1/partners/${belarus.items[0]!.id}/overview`],
  ['GET /api/public/news (portal)', '/api/public/news'],
  ['GET /api/v1/dashboard', '/api/v1/dashboard'],
  ['GET /api/v1/dashboard?kind=talks', '/api/v1/dashboard?kind=talks'],
  ['GET /api/public/dashboard (portal)', '/api/public/dashboard'],
];

type Row = { scenario: string; requestsPerSecond: number; p50: number; p99: number; errors: number };
const rows: Row[] = [];
for (const [scenario, path] of scenarios) {
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: durationSeconds,
    headers: { cookie },
  });
  rows.push({
    scenario,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  });
}
await server.stop();

const baseline = rows[0]!.requestsPerSecond;
console.log(
  `\nAPI under load: ${connections} connections × ${durationSeconds} s each, ${serverUrl ? 'PostgreSQL server' : 'PGlite'}, demo data`,
);
console.log(
  'scenario'.padEnd(44),
  'req/s'.padStart(8),
  'p50 ms'.padStart(8),
  'p99 ms'.padStart(8),
  'vs baseline'.padStart(12),
  'errors'.padStart(7),
);
for (const row of rows) {
  console.log(
    row.scenario.padEnd(44),
    row.requestsPerSecond.toFixed(0).padStart(8),
    String(row.p50).padStart(8),
    String(row.p99).padStart(8),
    (row.requestsPerSecond / baseline).toFixed(2).padStart(12),
    String(row.errors).padStart(7),
  );
}
