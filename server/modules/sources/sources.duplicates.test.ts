import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../../config.ts';
import { hashSourceText } from '../../extraction/source-text.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { addressKey, cleanArticleAddress, lockSourceWrites } from './sources.duplicates.ts';
import { sources } from './sources.table.ts';

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

function paste(payload: Record<string, unknown>, language: 'vi' | 'en' = 'vi') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/sources',
    headers: { cookie: editor, 'accept-language': language },
    payload,
  });
}

async function countSources(): Promise<number> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/sources?pageSize=200',
    headers: { cookie: editor },
  });
  return response.json().total;
}

describe('an article pasted twice', () => {
  it('is refused with 409 naming the stored source (title, date, id), matched by its text', async () => {
    const text = 'Hợp tác y tế Việt Nam – Lào\n08/10/2024 | 21:29\nBộ Y tế tiếp đoàn công tác Bộ Y tế Lào.';
    const first = await paste({ text });
    expect(first.statusCode).toBe(201);
    const stored = first.json();
    // The same words with other spacing and case are the same article.
    const again = await paste({ text: `  ${text.replaceAll(' ', '  ').toUpperCase()}\n` });
    expect(again.statusCode).toBe(409);
    const problem = again.json();
    expect(problem.code).toBe('sources.duplicate');
    expect(problem.detail).toContain('Hợp tác y tế Việt Nam – Lào');
    expect(problem.detail).toContain('08/10/2024');
    expect(problem.detail).toContain(stored.id);
    expect(problem.detail).toContain('trùng nội dung');
    expect(problem.duplicateOf).toEqual({
      collection: 'sources',
      id: stored.id,
      label: 'Hợp tác y tế Việt Nam – Lào',
      date: '2024-10-08',
      matchedBy: 'text',
    });
  });

  it('is refused by its address even when the text differs, and says so in English too', async () => {
    const url = 'https://moh.gov.vn/tin-tuc/hop-tac-y-te-campuchia-123';
    const first = await paste({ text: 'Bộ Y tế tiếp đoàn công tác Bộ Y tế Campuchia.', url });
    expect(first.statusCode).toBe(201);
    const again = await paste({ text: 'Bộ Y tế tiếp đoàn Campuchia, bản đã sửa.', url }, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().duplicateOf).toMatchObject({ id: first.json().id, matchedBy: 'url', date: null });
    expect(again.json().detail).toContain('same address');
  });

  it('is refused by its address written another way: scheme, www, trailing slash, tracking and fragment', async () => {
    const first = await paste({
      text: 'Bộ Y tế tiếp đoàn công tác Bộ Y tế Bru-nây về đào tạo điều dưỡng.',
      url: 'https://www.suckhoedoisong.vn/hop-tac-y-te-brunei-169.htm?utm_source=zalo&zarsrc=30#binh-luan',
    });
    expect(first.statusCode).toBe(201);
    // Stored without what does not name the page.
    expect(first.json().url).toBe('https://www.suckhoedoisong.vn/hop-tac-y-te-brunei-169.htm');
    const again = await paste({
      text: 'Bản khác của tin Bộ Y tế tiếp đoàn Bru-nây.',
      url: 'http://suckhoedoisong.vn/hop-tac-y-te-brunei-169.htm/?fbclid=IwAR0abc',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().duplicateOf).toMatchObject({ id: first.json().id, matchedBy: 'url' });
    // Another page of the same site is another article.
    const other = await paste({
      text: 'Bộ Y tế tiếp đoàn Bru-nây, bài thứ hai.',
      url: 'https://suckhoedoisong.vn/hop-tac-y-te-brunei-170.htm',
    });
    expect(other.statusCode).toBe(201);
  });

  it('is recognised when uploaded as a file, and registered again with the allowDuplicate field', async () => {
    const text = 'Bộ Y tế tiếp đoàn công tác Bộ Y tế Cuba về công nghệ sinh học.';
    expect((await paste({ text })).statusCode).toBe(201);
    const upload = (allowDuplicate: boolean) => {
      const boundary = '----hoptac';
      const flag = `--${boundary}\r\nContent-Disposition: form-data; name="allowDuplicate"\r\n\r\n${allowDuplicate}\r\n`;
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/sources',
        headers: { cookie: editor, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `${flag}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bai.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      });
    };
    const refused = await upload(false);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('sources.duplicate');
    expect((await upload(true)).statusCode).toBe(201);
  });

  it('is registered again when the officer sends allowDuplicate', async () => {
    const text = 'Bộ Y tế tiếp Đại sứ Hungary tại Việt Nam.';
    expect((await paste({ text })).statusCode).toBe(201);
    const before = await countSources();
    const again = await paste({ text, allowDuplicate: true });
    expect(again.statusCode).toBe(201);
    expect(await countSources()).toBe(before + 1);
  });

  it('is stored once when two identical pastes arrive together: one 201, one 409', async () => {
    const text = 'Bộ Y tế tiếp đoàn công tác Bộ Y tế Mông Cổ về y học cổ truyền.';
    const before = await countSources();
    const statuses = (await Promise.all([paste({ text }), paste({ text })])).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([201, 409]);
    expect(await countSources()).toBe(before + 1);
  });
});

// PGlite runs one transaction at a time, so only PostgreSQL can hold a write open while a paste
// arrives.
describe.runIf(readTestDatabaseConfig().kind === 'postgres')(
  'a paste while the same article is being written',
  () => {
    it('waits for that write to commit, then is refused: no check runs before the lock', async () => {
      const probe = await paste({ text: 'Bộ Y tế tiếp đoàn công tác Bộ Y tế Singapore về y tế số.' });
      const { id, text } = probe.json() as { id: string; text: string };
      const [row] = await t.database.db
        .select({ hash: sources.textHash })
        .from(sources)
        .where(eq(sources.id, id));
      expect(row?.hash).toBe(hashSourceText(text));
      await t.database.db.execute(sql`delete from sources where id = ${id}`);

      let pasted: ReturnType<typeof paste> | undefined;
      const writing = await t.database.db.transaction(async (tx) => {
        await lockSourceWrites(tx);
        const [other] = await tx
          .insert(sources)
          .values({ title: 'Bản đang được ghi', text, textHash: hashSourceText(text) })
          .returning({ id: sources.id });
        pasted = paste({ text });
        // Long enough for the paste to be drafted and reach its duplicate check.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return other!.id;
      });
      const response = await pasted!;
      expect(response.statusCode).toBe(409);
      expect(response.json().duplicateOf.id).toBe(writing);
    }, 30_000);
  },
);

describe('the address of an article', () => {
  it('keeps the parameters that name the page and drops those that say where the reader came from', () => {
    expect(cleanArticleAddress('https://Moh.gov.vn/tin?id=42&utm_medium=email&gclid=x#top')).toBe(
      'https://moh.gov.vn/tin?id=42',
    );
    expect(addressKey('https://moh.gov.vn/tin?id=42')).not.toBe(addressKey('https://moh.gov.vn/tin?id=43'));
    expect(addressKey('http://www.moh.gov.vn/tin/')).toBe(addressKey('https://moh.gov.vn/tin'));
    expect(cleanArticleAddress('not an address')).toBe('not an address');
  });
});
