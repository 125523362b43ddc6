// List, overview and portal throughput under load (autocannon), beside a bare Fastify route on the
// same database doing one raw `select … limit 20`: the ratio says what the app adds.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type { Database } from '../../server/db/client.ts';

const durationSeconds = 5;
const connections = 10;

export type ThroughputRow = {
  scenario: string;
  requestsPerSecond: number;
  p95: number;
  bytes: number;
  errors: number;
};

async function load(url: string, cookie: string): Promise<Omit<ThroughputRow, 'scenario'>> {
  const result = await autocannon({ url, connections, duration: durationSeconds, headers: { cookie } });
  return {
    requestsPerSecond: result.requests.average,
    p95: result.latency.p97_5,
    bytes: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    // A request past autocannon's 10 s timeout counts as an error, not as silence.
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export async function measureLists(
  base: string,
  cookie: string,
  db: Database,
  biggestPartnerId: string,
): Promise<ThroughputRow[]> {
  const bare = Fastify();
  bare.get('/bare', async () => {
    const result = await db.execute(sql`select id, title_vi from agreements order by signed_on, id limit 20`);
    return (result as unknown as { rows: unknown[] }).rows;
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const scenarios: [string, string][] = [
    ['baseline: bare Fastify, raw select … limit 20', `${bareUrl}/bare`],
    ['GET /api/v1/agreements (list)', `${base}/api/v1/agreements?pageSize=20`],
    ['GET /api/v1/sources (list)', `${base}/api/v1/sources?pageSize=20`],
    ['GET /api/v1/sources?page=200 (deep page)', `${base}/api/v1/sources?pageSize=20&page=200`],
    ['GET /api/v1/partners/:id/overview (biggest)', `${base}/api/v1/partners/${biggestPartnerId}/overview`],
    ['GET /api/public/news (portal)', `${base}/api/public/news`],
  ];
  const rows: ThroughputRow[] = [];
  try {
    for (const [scenario, url] of scenarios) rows.push({ scenario, ...(await load(url, cookie)) });
  } finally {
    await bare.close();
  }
  return rows;
}
