import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../../common/domain/limits.ts';
import { buildDocx, buildPdf } from '../../extraction/hostile-documents.fixture.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

// Hostile articles, built here: each is refused with a message, stores nothing, and leaves the
// server answering others while it is read.

const article = `Việt Nam và Nhật Bản ký kết hợp tác y tế
Sáng ngày 12/3/2025, tại Hà Nội, Thứ trưởng Bộ Y tế Nguyễn Tri Thức đã tiếp ông Tanaka Hiroshi, Đại sứ Nhật Bản tại Việt Nam.`;
// The reader's slowest 2 MB input in bench/reader.bench.ts: seconds of drafting.
const slowArticle = 'sẽ '.repeat(Math.floor(limits.sourceText / 3));

function upload(t: TestApp, cookie: string, filename: string, content: Buffer) {
  const boundary = '----hoptac';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/sources',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

function paste(t: TestApp, cookie: string, text: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: { cookie }, payload: { text } });
}

async function countSources(t: TestApp, cookie: string): Promise<number> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/sources?pageSize=1',
    headers: { cookie },
  });
  return response.json().total;
}

describe('hostile uploads', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    t = await createTestApp();
    editor = (await t.signIn('editor')).cookie;
  });
  afterAll(() => t.close());

  it('refuses a zip-bomb .docx with 413 and stores nothing', async () => {
    // 200 MB of text in a file of a few hundred kilobytes.
    const bomb = await buildDocx('Hợp tác y tế '.repeat(76), 200_000);
    expect(bomb.bodyBytes).toBeGreaterThan(200 * 1024 * 1024);
    const response = await upload(t, editor, 'bom.docx', bomb.bytes);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('sources.file_too_large');
    expect(await countSources(t, editor)).toBe(0);
  });

  it('refuses a PDF whose few kilobytes spell millions of characters', async () => {
    const pdf = buildPdf({
      pages: 30,
      linesPerPage: 4000,
      line: 'Hop tac y te Viet Nam. '.repeat(5).slice(0, 95),
    });
    expect(pdf.length).toBeLessThan(20_000);
    const response = await upload(t, editor, 'dai.pdf', pdf);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('sources.text_too_long');
    expect(await countSources(t, editor)).toBe(0);
  });

  it('refuses a text file longer than pasted text may be', async () => {
    const text = Buffer.from('Hợp tác y tế Việt Nam. '.repeat(7_500_000 / 27));
    expect(text.length).toBeGreaterThan(7_000_000);
    const response = await upload(t, editor, 'dai.txt', text);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('sources.text_too_long');
    expect(response.json().detail).toContain('2,000,000 characters');
  });

  it('answers other requests while a slow article is drafted', async () => {
    const drafting = paste(t, editor, slowArticle);
    let isDrafting = true;
    void drafting.finally(() => {
      isDrafting = false;
    });
    const latencies: number[] = [];
    // The worker needs a moment to take the job; sample the health check while it drafts.
    while (isDrafting) {
      const started = performance.now();
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await drafting).statusCode).toBe(201);
    expect(latencies.length).toBeGreaterThan(5);
    // Generous for a shared machine: on the event loop the draft held every request for seconds.
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 120_000);
});

describe('reader limits', () => {
  it('stops an article that takes longer than the time limit, with 422', async () => {
    const t = await createTestApp({ HOPTAC_READER_TIME_LIMIT_MS: '300' });
    try {
      const editor = (await t.signIn('editor')).cookie;
      const response = await paste(t, editor, slowArticle);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('sources.reading_too_slow');
      expect(await countSources(t, editor)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('refuses an article that needs more memory than a worker has, and keeps reading others', async () => {
    const t = await createTestApp({
      HOPTAC_READER_MEMORY_LIMIT_MB: '128',
      HOPTAC_READER_TIME_LIMIT_MS: '120000',
    });
    try {
      const editor = (await t.signIn('editor')).cookie;
      // 12 MB of XML, within the inflation budget, but 350,000 paragraphs the .docx reader holds as
      // a tree of objects.
      const heavy = await buildDocx('a', 350_000);
      const response = await upload(t, editor, 'nang.docx', heavy.bytes);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('sources.reading_too_big');
      expect((await paste(t, editor, article)).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  }, 120_000);
});

describe('source lists', () => {
  it('lists summaries without the text, which the source itself carries', async () => {
    const t = await createTestApp();
    try {
      const editor = (await t.signIn('editor')).cookie;
      const created = (
        await paste(t, editor, `${article}\n${'Người dân đi chợ buổi sáng. '.repeat(4_000)}`)
      ).json();
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/sources?pageSize=200',
        headers: { cookie: editor },
      });
      expect(list.json().items).toEqual([expect.objectContaining({ id: created.id, title: created.title })]);
      expect(list.json().items[0]).not.toHaveProperty('text');
      expect(list.body.length).toBeLessThan(5_000);
      const one = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sources/${created.id}`,
        headers: { cookie: editor },
      });
      expect(one.json().text.length).toBeGreaterThan(100_000);
    } finally {
      await t.close();
    }
  }, 120_000);
});
