// Health latency while hostile 2 MB articles are drafted: the reader runs in worker threads, so a
// slow article must not hold other requests. Same-run baseline: health latency with nothing to do.
// Run: npx tsx bench/hostile-draft.bench.ts
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

// The sampler runs in its own thread: on the server's thread its timers would wait out the very
// stalls it is there to see.
const samplerCode = `
const { parentPort, workerData } = require('node:worker_threads');
let isStopped = false;
parentPort.once('message', () => { isStopped = true; });
(async () => {
  const latencies = [];
  do {
    const started = performance.now();
    await (await fetch(workerData.url)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs));
  } while (!isStopped && latencies.length < workerData.maxSamples);
  parentPort.postMessage(latencies);
})();
`;

/** Health latencies sampled every few ms from another thread, until `until` settles (or, with
 * no `until`, for `maxSamples`). */
async function sampleHealth(until: Promise<unknown> | null, maxSamples = 100_000): Promise<number[]> {
  const sampler = new Worker(samplerCode, {
    eval: true,
    workerData: { url: `${server.url}/api/health`, everyMs: 20, maxSamples },
  });
  const latencies = once(sampler, 'message').then(([values]) => values as number[]);
  if (until) await until.finally(() => sampler.postMessage('stop'));
  const values = await latencies;
  await sampler.terminate();
  return values;
}

function summarise(name: string, latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
  return {
    scenario: name,
    samples: sorted.length,
    p50ms: +at(0.5).toFixed(1),
    p95ms: +at(0.95).toFixed(1),
    maxMs: +at(1).toFixed(1),
  };
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

const idle = await sampleHealth(null, 200);
const rows = [summarise('baseline: GET /api/health, idle', idle)];
// The article is sent from another thread too: building and writing a 2 MB body is the
// client's work, and on the server's thread it would count against the server.
const senderCode = `
const { parentPort, workerData } = require('node:worker_threads');
fetch(workerData.url, {
  method: 'POST',
  headers: { cookie: workerData.cookie, 'content-type': 'application/json' },
  body: JSON.stringify({ text: workerData.text }),
}).then(async (response) => { await response.arrayBuffer(); parentPort.postMessage(response.status); });
`;

function sendArticle(text: string): Promise<number> {
  const sender = new Worker(senderCode, {
    eval: true,
    workerData: { url: `${server.url}/api/v1/sources`, cookie, text },
  });
  return once(sender, 'message').then(async ([status]) => {
    await sender.terminate();
    return status as number;
  });
}

for (const [name, text] of hostile) {
  const started = performance.now();
  const drafting = sendArticle(text);
  const latencies = await sampleHealth(drafting);
  const status = await drafting;
  rows.push({
    ...summarise(
      `health while drafting ${name} (${status}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      latencies,
    ),
  });
}
console.table(rows);
await server.stop();
