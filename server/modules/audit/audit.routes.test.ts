import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const readAudit = (cookie: string, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: { cookie } });

describe('the audit trail of accounts', () => {
  it("shows an editor only their own account's rows, and an admin every account's", async () => {
    const admin = await t.signIn('admin');
    const editor = await t.signIn('editor');
    await t.signIn('viewer');

    for (const query of ['?recordType=user', '', `?recordType=user&recordId=${admin.userId}`]) {
      const response = await readAudit(editor.cookie, query);
      expect(response.statusCode).toBe(200);
      const userRows = response
        .json()
        .items.filter((row: { recordType: string }) => row.recordType === 'user');
      expect(userRows.every((row: { recordId: string }) => row.recordId === editor.userId)).toBe(true);
    }
    const own = await readAudit(editor.cookie, `?recordType=user&recordId=${editor.userId}`);
    expect(own.json().total).toBe(1);

    const byAdmin = await readAudit(admin.cookie, '?recordType=user');
    expect(byAdmin.json().total).toBe(3);
  });
});

describe('filtering the audit trail', () => {
  it('keeps the rows of the days asked for, in Viet Nam time, and of one user', async () => {
    const admin = await t.signIn('admin');
    const editor = await t.signIn('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/policies',
      headers: { cookie: editor.cookie },
      payload: { number: '99-NQ/TW', title: 'Nghị quyết thử', issuingBody: 'Bộ Chính trị' },
    });
    expect(created.statusCode).toBe(201);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const mine = await readAudit(admin.cookie, `?userId=${editor.userId}&from=${today}&to=${today}`);
    expect(mine.json().items.map((row: { recordType: string }) => row.recordType)).toEqual(['policy']);
    const before = await readAudit(admin.cookie, `?userId=${editor.userId}&to=2020-01-01`);
    expect(before.json().total).toBe(0);
  });
});
