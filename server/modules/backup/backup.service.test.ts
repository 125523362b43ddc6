import { createReadStream, createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { createTestDatabase } from '../../db/test-database.ts';
import { createExtractionPool } from '../../extraction/extraction-pool.ts';
import { seedDemoData } from '../../seed/demo-data.ts';
import { ensureReferenceData } from '../../seed/reference-data.ts';
import { createServices } from '../../services.ts';
import { restoreBackup, writeBackup } from './backup.service.ts';

// Sources are drafted in the reader's pool; this file's own, closed when it ends.
const extraction = createExtractionPool(readConfig({ LOG_LEVEL: 'silent' }));
afterAll(() => extraction.close());

let source: DatabaseHandle;
let target: DatabaseHandle;
const file = join(mkdtempSync(join(tmpdir(), 'hoptac-backup-')), 'hoptac.backup.gz');
const actor = { userId: null, email: 'test' };

async function rowsOf(database: DatabaseHandle, table: string): Promise<string[]> {
  const result = (await database.db.execute(
    sql`select row_to_json(t)::text as line from ${sql.identifier(table)} t`,
  )) as unknown as { rows: { line: string }[] };
  return result.rows.map((row) => row.line).sort();
}

async function tablesOf(database: DatabaseHandle): Promise<string[]> {
  const result = (await database.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  )) as unknown as { rows: { tablename: string }[] };
  return result.rows.map((row) => row.tablename);
}

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await ensureReferenceData(source.db);
  const services = createServices({ db: source.db, extraction });
  await seedDemoData(services);
  await services.users.create(
    { email: 'officer@moh.test', password: 'correct horse battery', role: 'editor', organisationId: null },
    actor,
  );
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('backup and restore', () => {
  it('restores into an empty database the same records, audit and users, every table row for row', async () => {
    const written = await writeBackup(source.db, createWriteStream(file));
    const restored = await restoreBackup(target.db, createReadStream(file));
    expect(restored).toEqual(written);

    const tables = (await tablesOf(source)).filter((table) => table !== 'sessions');
    for (const table of tables) {
      expect(await rowsOf(target, table), table).toEqual(await rowsOf(source, table));
    }
    for (const table of ['users', 'audit_log', 'agreements', 'organisations', 'commitments']) {
      expect((await rowsOf(target, table)).length, table).toBeGreaterThan(0);
    }
  });

  it('keeps writing after a restore: new audit entries follow the restored ones', async () => {
    const services = createServices({ db: target.db, extraction });
    await services.partners.create({ kind: 'organisation', code: 'AFTER', nameEn: 'After restore' }, actor);
    expect(await rowsOf(target, 'audit_log')).toHaveLength((await rowsOf(source, 'audit_log')).length + 1);
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const before = await rowsOf(source, 'partners');
    await expect(restoreBackup(source.db, createReadStream(file))).rejects.toMatchObject({
      code: 'backup.target_not_empty',
    });
    expect(await rowsOf(source, 'partners')).toEqual(before);
  });

  it('refuses a file that is not a backup', async () => {
    const other = join(mkdtempSync(join(tmpdir(), 'hoptac-backup-')), 'notes.txt');
    writeFileSync(other, 'not a backup');
    await expect(restoreBackup(target.db, createReadStream(other))).rejects.toMatchObject({
      code: 'backup.unreadable',
    });
  });
});
