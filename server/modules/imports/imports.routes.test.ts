import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../common/contracts/imports.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

const article = (n: number) =>
  `Bộ Y tế và JICA hợp tác đào tạo (tin ${n})\n\nNgày ${n}/3/2025, tại Hà Nội, Thứ trưởng Bộ Y tế tiếp đoàn JICA về đào tạo điều dưỡng, bài ${n}.\n`;

/** A multipart body with each file in a field named "files". */
function multipart(files: { name: string; bytes: Uint8Array }[]) {
  const boundary = 'batch-upload-test';
  const parts = files.flatMap((file) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { cookie: editor, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function settled(id: string): Promise<ImportProgress> {
  for (let tries = 0; tries < 600; tries++) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${id}`,
      headers: { cookie: editor },
    });
    expect(response.statusCode).toBe(200);
    const progress = response.json() as ImportProgress;
    if (progress.status === 'done') return progress;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
}

describe('batch upload', () => {
  it('imports many files and a .zip as drafts, skipping duplicates and naming failures', async () => {
    const zip = zipSync({
      'tin/a.txt': strToU8(article(11)),
      'tin/b.txt': strToU8(article(12)),
      'tin/copy.txt': strToU8(article(1)),
      'tin/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart([
        { name: 'one.txt', bytes: strToU8(article(1)) },
        { name: 'two.txt', bytes: strToU8(article(2)) },
        { name: 'news.zip', bytes: zip },
      ]),
    });
    expect(response.statusCode).toBe(202);
    const started = response.json() as ImportProgress;
    expect(started.total).toBe(6);

    const done = await settled(started.id);
    expect(done).toMatchObject({ total: 6, imported: 4, duplicates: 1, failed: 1, pending: 0 });
    expect(done.failures).toEqual([
      { path: 'news.zip!tin/photo.jpg', reason: 'not a .txt, .html, .docx or .pdf file' },
    ]);

    const drafts = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sources?reviewStatus=draft&sort=createdAt&order=asc&pageSize=50',
      headers: { cookie: editor },
    });
    const titles = (drafts.json() as { items: { title: string }[] }).items.map((item) => item.title);
    expect(titles.filter((title) => title.includes('(tin 1)'))).toHaveLength(1);
    expect(titles.filter((title) => /\(tin (1|2|11|12)\)/.test(title))).toHaveLength(4);
  }, 120_000);

  it('refuses a request without files', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/imports', ...multipart([]) });
    expect(response.statusCode).toBe(400);
  });
});
