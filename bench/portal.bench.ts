// First contentful paint of a server-rendered article page in Chromium with an empty cache, beside
// a static HTML file of the same size served by a bare Node server in the same run (this machine's
// floor for that many bytes). Target: the article page under 1 s.
// Run: npx tsx bench/portal.bench.ts   (builds dist/web in production mode first)
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser, repoRoot, startServer } from '../e2e/harness.ts';

const runs = 7;
const targetMs = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A plain page of exactly `bytes` bytes: the article's words, no script, no stylesheet. */
function staticPageOfSize(bytes: number, title: string): string {
  const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>`;
  const tail = '</p></body></html>';
  const room = bytes - Buffer.byteLength(head + tail);
  return head + 'x'.repeat(Math.max(0, room)) + tail;
}

async function measureFcp(browser: Browser, url: string): Promise<number> {
  // A new context each run: empty cache, as on the first visit from a shared link.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const existing = performance.getEntriesByName('first-contentful-paint')[0];
        if (existing) return resolve(existing.startTime);
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return fcp;
}

async function main() {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const staticServer = createServer();
  try {
    const news = (await (await fetch(`${server.baseUrl}/api/public/news`)).json()) as {
      items: { id: string; title: string }[];
    };
    const first = news.items[0];
    if (!first) throw new Error('The demo data has no published article.');
    const redirect = await fetch(`${server.baseUrl}/news/${first.id}`, { redirect: 'manual' });
    const articleUrl = `${server.baseUrl}${redirect.headers.get('location')}`;
    const html = await (await fetch(articleUrl)).text();
    const bytes = Buffer.byteLength(html);
    const staticHtml = staticPageOfSize(bytes, 'hoptac');
    staticServer.on('request', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(staticHtml);
    });
    await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
    const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`;

    const rows: [string, number][] = [];
    for (const [name, url] of [
      ['static HTML of the same size (baseline)', staticUrl],
      ['article page /tin/<slug>-<id>', articleUrl],
    ] as const) {
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1) samples.push(await measureFcp(browser, url));
      rows.push([name, median(samples)]);
    }
    console.log(`page HTML: ${(bytes / 1024).toFixed(1)} KB`);
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`${'page'.padEnd(width)}  FCP (median of ${runs}, empty cache)`);
    for (const [name, fcp] of rows) console.log(`${name.padEnd(width)}  ${fcp.toFixed(0)} ms`);
    const article = rows[1]?.[1] ?? Number.POSITIVE_INFINITY;
    console.log(`\narticle target ${targetMs} ms: ${article < targetMs ? 'within' : 'OVER'}`);
  } finally {
    staticServer.close();
    await browser.close();
    await server.stop();
  }
}

await main();
