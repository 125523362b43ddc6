import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type HistoryItem = {
  at: string;
  user: string | null;
  action: string;
  version: number | null;
  changes: { field: string; before: unknown; after: unknown }[];
  record: Record<string, unknown> | null;
};

async function send(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: object,
) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

describe('GET /api/v1/{collection}/:id/history', () => {
  it('shows a viewer each write of an agreement as field changes, newest first, by name', async () => {
    const editor = await t.signIn('editor');
    await t.services.users.update(
      editor.userId,
      { version: 1, displayName: 'Nguyễn Thị Biên Tập' },
      { userId: null, email: 'test' },
    );
    const viewer = await t.signIn('viewer');
    const created = await send('POST', '/api/v1/agreements', editor.cookie, {
      kind: 'mou',
      titleVi: 'Bản ghi nhớ về y tế số',
      status: 'proposed',
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    const patched = await send('PATCH', `/api/v1/agreements/${id}`, editor.cookie, {
      version,
      titleVi: 'Bản ghi nhớ về chuyển đổi số y tế',
    });
    expect(patched.statusCode).toBe(200);

    const response = await send('GET', `/api/v1/agreements/${id}/history`, viewer.cookie);
    expect(response.statusCode).toBe(200);
    const items: HistoryItem[] = response.json().items;
    expect(items.map((item) => item.action)).toEqual(['update', 'create']);
    expect(items[0]!.user).toBe('Nguyễn Thị Biên Tập');
    expect(items[0]!.version).toBe(2);
    expect(items[0]!.changes).toEqual([
      { field: 'titleVi', before: 'Bản ghi nhớ về y tế số', after: 'Bản ghi nhớ về chuyển đổi số y tế' },
    ]);
    expect(items[1]!.changes).toContainEqual({
      field: 'titleVi',
      before: null,
      after: 'Bản ghi nhớ về y tế số',
    });
    expect(items[1]!.changes.map((change) => change.field)).not.toContain('version');
    expect(items[1]!.record?.titleVi).toBe('Bản ghi nhớ về y tế số');
  });

  it('keeps the history of a deleted record and answers 404 for one that never was', async () => {
    const editor = await t.signIn('editor');
    const created = await send('POST', '/api/v1/events', editor.cookie, { kind: 'talks', title: 'Hội đàm' });
    const { id, version } = created.json();
    expect((await send('DELETE', `/api/v1/events/${id}?version=${version}`, editor.cookie)).statusCode).toBe(
      204,
    );
    const history = await send('GET', `/api/v1/events/${id}/history`, editor.cookie);
    expect(history.json().items.map((item: HistoryItem) => item.action)).toEqual(['delete', 'create']);
    expect(history.json().items[0].record).toBeNull();
    const missing = await send(
      'GET',
      '/api/v1/events/00000000-0000-4000-8000-000000000000/history',
      editor.cookie,
    );
    expect(missing.statusCode).toBe(404);
  });

  it("never shows an account's password hash, and only admins read accounts' history", async () => {
    const admin = await t.signIn('admin');
    const viewer = await t.signIn('viewer');
    const reset = await send('PATCH', `/api/v1/users/${viewer.userId}`, admin.cookie, {
      version: 1,
      password: 'another horse battery',
    });
    expect(reset.statusCode).toBe(200);
    const response = await send('GET', `/api/v1/users/${viewer.userId}/history`, admin.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/passwordHash|argon2/);
    expect(response.json().items[0].changes.map((change: { field: string }) => change.field)).toContain(
      'passwordChangedAt',
    );
    const otherViewer = await t.signIn('viewer');
    const refused = await send('GET', `/api/v1/users/${viewer.userId}/history`, otherViewer.cookie);
    expect(refused.statusCode).toBe(403);
  });
});
