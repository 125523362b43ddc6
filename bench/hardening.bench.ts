// The hardening figures (issue 14), each beside what it would be without the defence: peak memory
// of a zip-bomb upload beside the size it inflates to, 429s among guesses from rotating forged
// addresses, bytes of a 200-row source list beside the texts it no longer carries.
// Run: npm run bench -- hardening
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../server/config.ts';
import { buildDocx, buildPdf } from '../server/extraction/hostile-documents.fixture.ts';
import { startServer } from '../server/main.ts';

const adminPassword = 'bench-admin-password';
const config = readConfig({
  HOPTAC_DATA_DIR: mkdtempSync(join(tmpdir(), 'hoptac-bench-')),
  PORT: '0',
  LOG_LEVEL: 'silent',
  HOPTAC_ADMIN_PASSWORD: adminPassword,
  // Behind one proxy that appends the address it saw; the client forges whatever comes before.
  HOPTAC_TRUST_PROXY: '1',
});
const server = await startServer(config, { isDemo: false, isServingWeb: false }, () => {});
const login = (email: string, password: string, forwardedFor: string) =>
  fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
const cookie = (
  (await login(config.HOPTAC_ADMIN_EMAIL, adminPassword, '192.0.2.1')).headers.get('set-cookie') ?? ''
).split(';')[0]!;

function upload(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return fetch(`${server.url}/api/v1/sources`, { method: 'POST', headers: { cookie }, body: form });
}

const megabytes = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);
const rows: Record<string, string | number>[] = [];

// 1. Uploads that inflate: peak resident memory of the whole process (server and its workers).
const bomb = await buildDocx('Hợp tác y tế '.repeat(76), 200_000);
// Sampled on this thread, which the upload leaves free (reading happens in the pool's threads).
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}, 5);
const bombAnswer = await upload('bom.docx', bomb.bytes);
clearInterval(sampler);
rows.push({
  case: `zip-bomb .docx, ${megabytes(bomb.bytes.length)} MB inflating to ${megabytes(bomb.bodyBytes)} MB`,
  answer: `${bombAnswer.status} ${(await bombAnswer.json()).code}`,
  figure: `process RSS ${megabytes(rssBefore)} → peak ${megabytes(rssPeak)} MB`,
});
const pdf = buildPdf({
  pages: 30,
  linesPerPage: 4000,
  line: 'Hop tac y te Viet Nam. '.repeat(5).slice(0, 95),
});
const pdfStarted = performance.now();
const pdfAnswer = await upload('dai.pdf', pdf);
rows.push({
  case: `PDF of ${Math.round(pdf.length / 1024)} kB spelling 12 M characters`,
  answer: `${pdfAnswer.status} ${(await pdfAnswer.json()).code}`,
  figure: `answered in ${Math.round(performance.now() - pdfStarted)} ms`,
});

// 2. Guessing passwords: 200 guesses, each from a new forged address, at one account and at many.
async function guesses(emailOf: (attempt: number) => string): Promise<number> {
  let throttled = 0;
  for (let attempt = 0; attempt < 200; attempt++) {
    const forged = `198.51.${Math.floor(attempt / 250)}.${(attempt % 250) + 1}`;
    const answer = await login(emailOf(attempt), 'guess-guess-guess', `${forged}, 203.0.113.9`);
    if (answer.status === 429) throttled++;
  }
  return throttled;
}
rows.push({
  case: '200 guesses at one account, rotating forged X-Forwarded-For',
  answer: '401 then 429',
  figure: `${await guesses(() => config.HOPTAC_ADMIN_EMAIL)} × 429`,
});
rows.push({
  case: '200 guesses at 200 accounts, rotating forged X-Forwarded-For',
  answer: '401 then 429',
  figure: `${await guesses((attempt) => `spray${attempt}@moh.gov.vn`)} × 429`,
});

// 3. A 200-row source list: summaries, not texts (each text here is 10,000 characters).
const filler = 'Hai bên trao đổi về hợp tác đào tạo nhân lực y tế và y học cổ truyền. '.repeat(140);
for (let index = 0; index < 200; index++) {
  await fetch(`${server.url}/api/v1/sources`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ text: `Bộ Y tế tiếp đoàn số ${index}\n${filler}` }),
  });
}
const list = await fetch(`${server.url}/api/v1/sources?pageSize=200`, { headers: { cookie } });
const listBytes = (await list.arrayBuffer()).byteLength;
rows.push({
  case: 'GET /api/v1/sources?pageSize=200 (200 texts of 10,000 characters)',
  answer: String(list.status),
  figure: `${Math.round(listBytes / 1024)} kB (the texts alone: ${megabytes(200 * Buffer.byteLength(filler))} MB)`,
});

console.table(rows);
await server.stop();
