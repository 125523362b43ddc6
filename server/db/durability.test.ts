import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../config.ts';
import { openPglite } from './client.ts';

const writer = fileURLToPath(new URL('./durability-writer.fixture.ts', import.meta.url));

// Only the embedded database is ours to make durable; the PostgreSQL server answers for itself.
describe.runIf(readTestDatabaseConfig().kind === 'pglite')('PGlite durability', () => {
  it('keeps a committed write after the process is killed with SIGKILL, and frees the lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('committed')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const database = await openPglite(dir, 'durability test');
    try {
      const result = (await database.db.execute(
        sql`select code from partners where code = 'BY'`,
      )) as unknown as { rows: unknown[] };
      expect(result.rows).toEqual([{ code: 'BY' }]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
