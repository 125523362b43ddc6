import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptDraftInput } from '../../../common/contracts/review.ts';
import { readTestDatabaseConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';

// Accepts that arrive at once must still find-or-create each partner, organisation and event
// once. PGlite runs one request at a time, so only the PostgreSQL project races for real.

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

async function postSource(text: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sources',
    headers: { cookie: editor },
    payload: { text },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

function accept(sourceId: string, payload: AcceptDraftInput) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/sources/${sourceId}/accept`,
    headers: { cookie: editor },
    payload: payload as Record<string, unknown>,
  });
}

async function countRows(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await t.database.db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

describe.runIf(readTestDatabaseConfig().kind === 'postgres')('accepting articles at the same time', () => {
  it('registers one meeting once when two articles about it are accepted together (20 rounds)', async () => {
    for (let round = 1; round <= 20; round++) {
      const day = `2025-01-${String(round).padStart(2, '0')}`;
      const ids = await Promise.all([
        postSource(`Bài A vòng ${round}: hội đàm Việt Nam – Lào ngày ${day}.`),
        postSource(`Bài B vòng ${round}: hội đàm Việt Nam – Lào ngày ${day}.`),
      ]);
      const payload: AcceptDraftInput = {
        version: 1,
        partners: [{ code: 'LA' }],
        participants: [{ name: 'Bộ trưởng', org: 'Bộ Y tế Lào', countryCode: 'LA' }],
        events: [{ kind: 'talks', startOn: day }],
      };
      const responses = await Promise.all(ids.map((id) => accept(id, payload)));
      for (const response of responses) expect(response.statusCode, response.body).toBe(200);
      const eventIds = responses.map((response) => response.json().eventIds[0]);
      expect(eventIds[0], `round ${round}`).toBe(eventIds[1]);
      expect(await countRows(sql`select count(*)::int as n from events where start_on = ${day}`)).toBe(1);
    }
    expect(
      await countRows(sql`select count(*)::int as n from organisations where name_vi = 'Bộ Y tế Lào'`),
    ).toBe(1);
  }, 120_000);

  it('creates a new partner named by ten accepts at once exactly once, and accepts all ten', async () => {
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, n) => postSource(`Bài ${n}: hợp tác với tổ chức NEWPARTNER.`)),
    );
    const responses = await Promise.all(
      ids.map((id) => accept(id, { version: 1, partners: [{ code: 'NEWPARTNER' }] })),
    );
    for (const response of responses) expect(response.statusCode, response.body).toBe(200);
    const partnerIds = new Set(responses.map((response) => response.json().partnerIds[0]));
    expect(partnerIds.size).toBe(1);
    expect(await countRows(sql`select count(*)::int as n from partners where code = 'NEWPARTNER'`)).toBe(1);
  }, 60_000);
});

describe('refusing an accept', () => {
  it('says the source was edited only when it was: a stale version of this source gets version.conflict', async () => {
    const id = await postSource('Bài viết được sửa trước khi duyệt.');
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sources/${id}`,
      headers: { cookie: editor },
      payload: { version: 1, title: 'Tiêu đề mới' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await accept(id, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version.conflict');
  });
});
