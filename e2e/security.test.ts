import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  findFreePort,
  launchBrowser,
  newContext,
  type RunningServer,
  signIn,
  startServer,
} from './harness.ts';

/** Collects, for one page, every Content Security Policy violation the browser reports: the DOM
 * event (added before any page script runs) and the console lines Chromium writes for them. */
async function watchPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportPolicyViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportPolicyViolation: (text: string) => void })
        .reportPolicyViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}`);
    });
  });
  return violations;
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the browser under the content security policy', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await newContext(browser, server.baseUrl);
  });

  it('runs the portal, the workspace and the API docs without a single violation', async () => {
    const page = await context.newPage();
    const violations = await watchPolicyViolations(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator('.boot-title').count()).toBe(0);
    await signIn(page, adminEmail, adminPassword);
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: 'Hộp tin' }).waitFor();
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info').waitFor();
    expect(violations).toEqual([]);
  });

  it('reports an inline script as a violation, so the silence above means something', async () => {
    const page = await context.newPage();
    const violations = await watchPolicyViolations(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
  });
});

describe('a page on another origin', () => {
  let sibling: Server;

  beforeAll(async () => {
    const port = await findFreePort();
    // The attacker's page: a multipart upload aimed at the signed-in editor's hoptac.
    sibling = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      // no-cors needs no preflight, and SameSite=Lax sends the cookie: another port is the same site.
      response.end(`<button>send</button><script>
        document.querySelector('button').onclick = () => {
          const form = new FormData();
          form.append('title', 'FORGED-SOURCE');
          form.append('file', new Blob(['Bộ Y tế ký biên bản ghi nhớ hợp tác.'], { type: 'text/plain' }), 'a.txt');
          fetch('${server.baseUrl}/api/v1/sources', { method: 'POST', body: form, mode: 'no-cors', credentials: 'include' });
        };
      </script>`);
    });
    await new Promise<void>((resolve) => sibling.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => sibling?.close(resolve));
  });

  it('cannot create a source as the signed-in editor', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, adminEmail, adminPassword);
    const address = sibling.address();
    await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
    // The server's answer never reaches the other page (Cross-Origin-Resource-Policy), so wait
    // for the request to end either way; what counts is that nothing was stored.
    const settled = new Promise<void>((resolve) => {
      const isUpload = (request: Request) => {
        if (request.url().endsWith('/api/v1/sources')) resolve();
      };
      page.on('requestfinished', isUpload);
      page.on('requestfailed', isUpload);
    });
    await page.getByRole('button', { name: 'send' }).click();
    await settled;
    const sources = await context.request.get(`${server.baseUrl}/api/v1/sources?q=FORGED-SOURCE`);
    expect((await sources.json()).total).toBe(0);
    await context.close();
  });
});
