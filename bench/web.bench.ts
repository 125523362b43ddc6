// Web budget check: gzipped JavaScript of the first load of the portal and the workspace, and
// first contentful paint of the portal home and the review page in Chromium against a real server.
// The dashboards (portal and workspace) are measured with their map and charts drawn: their lazy
// chunks (d3-geo, Observable Plot) count, the map's boundaries (JSON, not script) do not.
// A blank page's paint is measured in the same run as the baseline for this machine.
// Run: npx tsx bench/web.bench.ts   (builds dist/web in production mode first)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  adminEmail,
  adminPassword,
  launchBrowser,
  readArticle,
  repoRoot,
  startServer,
} from '../e2e/harness.ts';

const runs = 5;
const budgetKb = 300;
const webDir = join(repoRoot, 'dist/web');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function gzippedSize(urlPath: string): number {
  const file = join(webDir, decodeURIComponent(urlPath));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

/** Opens a path in a fresh page and reports its paint time and the scripts it loaded. */
async function measure(context: BrowserContext, path: string, readySelector: string) {
  const page: Page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
  });
  await page.goto(path, { waitUntil: 'load' });
  await page.locator(readySelector).first().waitFor({ timeout: 30_000 });
  const timings = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    ready: performance.now(),
  }));
  // Scripts requested after the page is usable (prefetches, late chunks) still count as first load.
  await page.waitForLoadState('networkidle');
  await page.close();
  const jsBytes = [...scripts].reduce((sum, script) => sum + gzippedSize(script), 0);
  return { ...timings, jsBytes };
}

async function signedInContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const response = await context.request.post('/api/v1/auth/login', {
    data: { email: adminEmail, password: adminPassword },
  });
  if (!response.ok()) throw new Error(`Sign-in failed: ${response.status()}`);
  return context;
}

async function main() {
  // Always a fresh production build: a stale or development build (NODE_ENV=test) would mislead.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const setup = await signedInContext(browser, server.baseUrl);
    const created = await setup.request.post('/api/v1/sources', {
      data: { text: readArticle('seed-000-belarus-mou.txt') },
    });
    const sourceId = ((await created.json()) as { id: string }).id;
    await setup.close();

    const cases = [
      { name: 'blank page (baseline)', path: 'data:text/html,<p>hoptac</p>', ready: 'p', isSignedIn: false },
      { name: 'portal home /', path: '/', ready: '.news-list, .muted', isSignedIn: false },
      {
        name: 'portal dashboard /so-lieu',
        path: '/so-lieu',
        ready: '[data-testid="agreements-by-status"] svg',
        isSignedIn: false,
      },
      { name: 'workspace inbox /app', path: '/app', ready: 'h1', isSignedIn: true },
      {
        name: 'workspace dashboard /app/dashboard',
        path: '/app/dashboard',
        ready: '[data-testid="agreements-by-status"] svg',
        isSignedIn: true,
      },
      {
        name: 'review /app/review/:id',
        path: `/app/review/${sourceId}`,
        ready: '.source-text',
        isSignedIn: true,
      },
    ];
    const rows: string[][] = [];
    for (const entry of cases) {
      const samples = [];
      for (let run = 0; run < runs; run += 1) {
        // A new context each run: cold cache, as on a first visit.
        const context = entry.isSignedIn
          ? await signedInContext(browser, server.baseUrl)
          : await browser.newContext({ baseURL: server.baseUrl });
        samples.push(await measure(context, entry.path, entry.ready));
        await context.close();
      }
      const kb = (samples[0]?.jsBytes ?? 0) / 1024;
      rows.push([
        entry.name,
        entry.path.startsWith('data:') ? '—' : `${kb.toFixed(1)} KB`,
        `${median(samples.map((sample) => sample.fcp)).toFixed(0)} ms`,
        `${median(samples.map((sample) => sample.ready)).toFixed(0)} ms`,
      ]);
    }
    const header = ['page', 'JS gzip (first load)', `FCP (median of ${runs})`, 'content shown (median)'];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    const line = (cells: string[]) =>
      cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
    console.log(line(header));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const row of rows) console.log(line(row));
    const workspaceKb = Number.parseFloat(
      rows.find((row) => row[0]?.startsWith('workspace inbox'))?.[1] ?? '0',
    );
    console.log(`\nworkspace budget ${budgetKb} KB: ${workspaceKb <= budgetKb ? 'within' : 'OVER'}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
