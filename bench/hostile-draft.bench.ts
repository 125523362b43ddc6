// Health latency while hostile 2 MB articles are drafted: the reader runs in worker threads, so a
// slow article must not hold other requests. Same-run baseline: health latency with nothing to do.
// Run: npx tsx bench/hostile-draft.bench.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limits } from '../common/domain/limits.ts';
import { readConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';

const config = readConfig({
  HOPTAC_DATA_DIR: mkdtempSync(join(tmpdir(), 'hoptac-bench-')),
  PORT: '0',
  LOG_LEVEL: 'silent',
  HOPTAC_ADMIN_PASSWORD: 'bench-admin-password',
});
const server = await startServer(config, { isDemo: false, isServingWeb: false }, () => {});
const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: config.HOPTAC_ADMIN_EMAIL, password: 'bench-admin-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

async function timeHealth(): Promise<number> {
  const started = performance.now();
  await (await fetch(`${server.url}/api/health`)).arrayBuffer();
  return performance.now() - started;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Health latencies sampled every 20 ms until `until` settles. */
async function sampleHealth(until: Promise<unknown>): Promise<number[]> {
  let isDone = false;
  void until.finally(() => {
    isDone = true;
  });
  const latencies: number[] = [];
  while (!isDone) {
    latencies.push(await timeHealth());
    await pause(20);
  }
  return latencies;
}

function summarise(name: string, latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
  return { scenario: name, samples: sorted.length, p50ms: +at(0.5).toFixed(1), maxMs: +at(1).toFixed(1) };
}

// The slowest 2 MB inputs of bench/reader.bench.ts.
const big = limits.sourceText;
const hostile: [string, string][] = [
  ['"sẽ " x 700k', 'sẽ '.repeat(Math.floor(big / 3))],
  ['dates, 2 MB', '5/3 và 6/8/2024, '.repeat(Math.floor(big / 17))],
  ['"Ông " x 512k', 'Ông '.repeat(big / 4)],
];

// Warm the worker (its first job loads the reader) so the baseline and the runs see the same pool.
await fetch(`${server.url}/api/v1/sources`, {
  method: 'POST',
  headers: { cookie, 'content-type': 'application/json' },
  body: JSON.stringify({ text: 'Thứ trưởng Bộ Y tế tiếp Đại sứ Nhật Bản.' }),
});

const idle: number[] = [];
for (let index = 0; index < 200; index++) {
  idle.push(await timeHealth());
  await pause(5);
}
const rows = [summarise('baseline: GET /api/health, idle', idle)];
for (const [name, text] of hostile) {
  const started = performance.now();
  const drafting = fetch(`${server.url}/api/v1/sources`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  const latencies = await sampleHealth(drafting);
  const status = (await drafting).status;
  rows.push({
    ...summarise(
      `health while drafting ${name} (${status}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      latencies,
    ),
  });
}
console.table(rows);
await server.stop();
