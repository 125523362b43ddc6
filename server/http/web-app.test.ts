import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';

// A web build in miniature: the page and one hashed asset, as Vite writes them.
const webDir = mkdtempSync(join(tmpdir(), 'hoptac-web-'));
const assetName = 'index-C22luXGW.js';

let app: FastifyInstance;
let database: DatabaseHandle;

beforeAll(async () => {
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(
    join(webDir, 'index.html'),
    `<!doctype html><script type="module" src="/assets/${assetName}"></script>`,
  );
  writeFileSync(join(webDir, 'assets', assetName), 'console.log("hoptac");');
  database = await createTestDatabase();
  app = await buildApp({
    config: readConfig({ LOG_LEVEL: 'silent', HOPTAC_WEB_DIR: webDir }),
    database,
    isServingWeb: true,
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves the page for / and every client-side route, revalidated on each visit', async () => {
    // /partners/BY now answers 301 to /doi-tac/by (server-rendered, see portal-pages.routes.ts).
    for (const url of ['/', '/app', '/app/agreements/123', '/hiep-dinh', '/tim-kiem?q=x']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('lets browsers keep a hashed asset for a year', async () => {
    const response = await app.inject({ method: 'GET', url: `/assets/${assetName}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with 404, not the page in its place', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-OLDBUILD.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).not.toContain('text/html');
  });

  it('sends a content security policy that allows no inline script and no framing', async () => {
    const response = await app.inject({ method: 'GET', url: '/app' });
    const policy = String(response.headers['content-security-policy']);
    const directives = new Map(
      policy.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });
});
