import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../common/contracts/search.ts';
import { foldWords, toSearchWords } from '../../../common/domain/text.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

// What a non-expert expects of search: whole words and phrases, titles and names first, English
// labels, marks and tone placement ignored, a misspelt foreign name still found, counts capped.

let t: TestApp;
let editor: string;

async function post(url: string, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url, headers: { cookie: editor }, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

async function search(q: string, limit = 8): Promise<SearchResult> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`,
    headers: { cookie: editor },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function group(result: SearchResult, type: string) {
  return result.groups.find((candidate) => candidate.type === type);
}

function labels(result: SearchResult, type: string): string[] {
  return group(result, type)?.items.map((item) => item.label) ?? [];
}

/** The words each hit's snippet marks, as the reader sees them highlighted. */
function marked(result: SearchResult, type: string): string[] {
  return (group(result, type)?.items ?? []).flatMap((item) =>
    item.snippetMatches.map((range) => item.snippet!.slice(range.start, range.end)),
  );
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
  ids.france = (
    await post('/api/v1/partners', { kind: 'country', code: 'FR', nameVi: 'Cộng hoà Pháp', nameEn: 'France' })
  ).id;
  ids.jica = (
    await post('/api/v1/partners', {
      kind: 'organisation',
      code: 'JICA',
      nameVi: 'Cơ quan Hợp tác Quốc tế Nhật Bản',
      nameEn: 'Japan International Cooperation Agency',
    })
  ).id;
  await post('/api/v1/people', { name: 'Tedros Adhanom Ghebreyesus', countryCode: 'ET' });
  await post('/api/v1/people', { name: 'Nguyễn Văn An' });
  await post('/api/v1/people', { name: 'An Thị Nguyễn Hoa' });
  await post('/api/v1/events', { kind: 'conference', title: 'Hội thảo khoa học về kế hoạch tiêm chủng' });
  await post('/api/v1/events', {
    kind: 'talks',
    title: 'Hội đàm về y tế dự phòng',
    summary: 'Hai bên bàn về phòng chống ung thư và tiêm chủng mở rộng.',
  });
  await post('/api/v1/agreements', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ về bảo tồn dược liệu',
    status: 'signed',
    areaIds: ['traditional_medicine'],
  });
  await post('/api/v1/sources', {
    text: 'Bệnh viện K cùng các đối tác tổ chức hội thảo\nCùng với các chuyên gia thuộc Bộ Y tế, bệnh viện đã thảo luận về phòng chống ung thư, một căn bệnh gây nhiều đau thương.',
  });
  await post('/api/v1/sources', {
    text: 'Đoàn công tác thăm Bệnh viện Trung ương\nCùng đi có đại diện các đơn vị thuộc Bộ, trao đổi về chính sách thương mại dược phẩm.',
  });
});

afterAll(() => t.close());

describe('whole words and phrases', () => {
  it('finds "hoa" in "Cộng hoà" but not in "khoa" or "kế hoạch"', async () => {
    const result = await search('hoa');
    expect(labels(result, 'partner')).toEqual(['Cộng hoà Pháp']);
    expect(labels(result, 'event')).toEqual([]);
  });

  it('finds "ung thư" only where the phrase is, and marks neither "Cùng", "thuộc" nor "thương"', async () => {
    const result = await search('ung thư');
    expect(labels(result, 'source')).toEqual(['Bệnh viện K cùng các đối tác tổ chức hội thảo']);
    expect(marked(result, 'source')).toEqual(['ung thư']);
    expect(labels(result, 'event')).toEqual(['Hội đàm về y tế dự phòng']);
    expect(marked(result, 'event')).toEqual(['ung thư']);
  });

  it('ranks the phrase in a name above the same words apart', async () => {
    const result = await search('nguyen van an');
    expect(labels(result, 'person')[0]).toBe('Nguyễn Văn An');
    const reordered = await search('an nguyen');
    expect(labels(reordered, 'person')).toEqual(
      expect.arrayContaining(['Nguyễn Văn An', 'An Thị Nguyễn Hoa']),
    );
    expect(labels(reordered, 'person')[0]).toBe('An Thị Nguyễn Hoa');
  });
});

describe('titles, names and codes first', () => {
  it('puts a record whose title holds the words above one that mentions them in its text', async () => {
    const result = await search('tiêm chủng');
    expect(labels(result, 'event')).toEqual([
      'Hội thảo khoa học về kế hoạch tiêm chủng',
      'Hội đàm về y tế dự phòng',
    ]);
  });

  it('finds a partner by its code and by its English name', async () => {
    expect(labels(await search('jica'), 'partner')).toEqual(['Cơ quan Hợp tác Quốc tế Nhật Bản']);
    expect(labels(await search('france'), 'partner')).toEqual(['Cộng hoà Pháp']);
  });
});

describe('English labels and tags', () => {
  it('finds the area by its English label, and what is tagged with it', async () => {
    const result = await search('traditional medicine');
    expect(labels(result, 'area')).toContain('Y học cổ truyền');
    expect(labels(result, 'agreement')).toEqual(['Bản ghi nhớ về bảo tồn dược liệu']);
  });
});

describe('marks, tone placement and typing errors', () => {
  it('treats hoà and hòa, and unmarked typing, alike', async () => {
    for (const query of ['hòa pháp', 'hoà pháp', 'hoa phap', 'HOÀ PHÁP']) {
      expect(labels(await search(query), 'partner'), query).toEqual(['Cộng hoà Pháp']);
    }
  });

  it('finds a foreign name with one wrong letter', async () => {
    expect(labels(await search('Tedras'), 'person')).toEqual(['Tedros Adhanom Ghebreyesus']);
    expect(labels(await search('Ghebreyesos'), 'person')).toEqual(['Tedros Adhanom Ghebreyesus']);
  });

  it('does not offer a far-off name for a word nobody has', async () => {
    expect(labels(await search('Xylophone'), 'person')).toEqual([]);
  });
});

describe('counts', () => {
  it('counts to a thousand and then says "more"', async () => {
    await t.database.db.execute(
      sql`insert into people (name, search_text) select 'Kiểm Đếm ' || n, 'kiem dem ' || n from generate_series(1, 1005) n`,
    );
    const result = await search('kiem dem');
    expect(group(result, 'person')).toMatchObject({ total: 1000, isTotalCapped: true });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people?q=kiem%20dem',
      headers: { cookie: editor },
    });
    expect(list.json()).toMatchObject({ total: 1000, isTotalCapped: true });
    const few = await search('tedros');
    expect(group(few, 'person')).toMatchObject({ total: 1, isTotalCapped: false });
  });
});

describe('the database splits folded text into the same words', () => {
  it('agrees with foldWords on every word of the reader fixtures', async () => {
    const folder = join(import.meta.dirname, '../../../reader/fixtures/holdout');
    const texts = readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(folder, name), 'utf8'));
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      const result = (await t.database.db.execute(
        sql`select tsvector_to_array(to_tsvector('simple'::regconfig, ${toSearchWords(text)})) as words`,
      )) as unknown as { rows: { words: string[] }[] };
      expect([...result.rows[0]!.words].sort()).toEqual([...new Set(foldWords(text))].sort());
    }
  });
});
