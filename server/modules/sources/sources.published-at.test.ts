import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('editor')).cookie;
});
afterAll(() => t.close());

function write(method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) {
  return t.app.inject({ method, url, headers: { cookie: editor }, payload });
}

describe('a source’s publication time', () => {
  it('is changed by an edit, read back as the same instant', async () => {
    const source = (await write('POST', '/api/v1/sources', { text: 'Bộ Y tế tiếp đoàn công tác.' })).json();
    const edited = await write('PATCH', `/api/v1/sources/${source.id}`, {
      version: source.version,
      publishedAt: '2025-03-12T10:00:00+07:00',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().publishedAt).toBe('2025-03-12T03:00:00.000Z');
  });

  it('is refused with 400 naming the field when it falls outside the years 1 to 9999', async () => {
    const source = (
      await write('POST', '/api/v1/sources', { text: 'Bộ Y tế tiếp đoàn công tác Lào.' })
    ).json();
    for (const publishedAt of ['9999-12-31T23:59:59-12:00', '0001-01-01T00:00:00+14:00']) {
      const created = await write('POST', '/api/v1/sources', { text: 'Tin ngắn.', publishedAt });
      const edited = await write('PATCH', `/api/v1/sources/${source.id}`, {
        version: source.version,
        publishedAt,
      });
      for (const response of [created, edited]) {
        expect(response.statusCode).toBe(400);
        expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.publishedAt' })]);
      }
    }
  });

  it('refuses a calendar date in the year 0, which the database cannot store', async () => {
    const response = await write('POST', '/api/v1/agreements', {
      kind: 'mou',
      titleVi: 'Biên bản ghi nhớ',
      status: 'signed',
      signedOn: '0000-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.signedOn' })]);
  });
});

describe('a pasted article’s publication time', () => {
  it('is the time its date line prints, in Viet Nam', async () => {
    const response = await write('POST', '/api/v1/sources', {
      text: 'Hợp tác y tế Việt Nam – Lào\n08/10/2024 | 21:29\nBộ Y tế tiếp đoàn công tác Bộ Y tế Lào.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().publishedAt).toBe('2024-10-08T14:29:00.000Z');
  });

  it('keeps the offset the date line prints', async () => {
    const response = await write('POST', '/api/v1/sources', {
      text: 'Health cooperation with Laos\n2024-10-08T08:15+09:00\nThe ministry received a delegation from Laos.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().publishedAt).toBe('2024-10-07T23:15:00.000Z');
  });

  it('is the date-only mark (noon in Viet Nam) when the date line prints no time', async () => {
    const response = await write('POST', '/api/v1/sources', {
      text: 'Hợp tác y tế Việt Nam – Campuchia\n09/10/2024\nBộ Y tế tiếp đoàn công tác Bộ Y tế Campuchia.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().publishedAt).toBe('2024-10-09T05:00:00.000Z');
  });
});
