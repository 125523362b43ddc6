import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { restoreBackup } from './backup.service.ts';

// The online backup for an embedded database the server holds: an administrator downloads the
// same archive `hoptac restore` reads.

let t: TestApp;

async function listEmails(db: Database): Promise<string[]> {
  const result = (await db.execute(sql`select email from users order by email`)) as unknown as {
    rows: { email: string }[];
  };
  return result.rows.map((row) => row.email);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/admin/backup', () => {
  it('gives an administrator an archive that restores the running database', async () => {
    const admin = (await t.signIn('admin')).cookie;
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/backup',
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="hoptac-.*\.backup\.gz"/);
    const empty = await createTestDatabase();
    try {
      const restored = await restoreBackup(empty.db, Readable.from(response.rawPayload));
      expect(restored.rows).toBeGreaterThan(0);
      expect(await listEmails(empty.db)).toEqual(await listEmails(t.database.db));
    } finally {
      await empty.close();
    }
  });

  it('is refused to an editor', async () => {
    const editor = (await t.signIn('editor')).cookie;
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/backup',
      headers: { cookie: editor },
    });
    expect(response.statusCode).toBe(403);
  });
});
