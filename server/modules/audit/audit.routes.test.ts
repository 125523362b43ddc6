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
