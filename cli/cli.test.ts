import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../server/config.ts';
import { lockDataDir } from '../server/db/data-dir-lock.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('./bin.mjs', import.meta.url));

function hoptac(args: string[], env: Record<string, string>) {
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env, DATABASE_URL: '' },
    // Generous: each call starts and migrates an embedded database, slow on a loaded machine.
    timeout: 180_000,
  }).then(
    (result) => ({ ...result, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
}

// The CLI works on the embedded database directory; the server path is covered by the API suite.
describe.runIf(readTestDatabaseConfig().kind === 'pglite')('hoptac command', () => {
  it('prints help for every command', async () => {
    const result = await hoptac(['user', 'add', '--help'], {});
    expect(result.stdout).toContain('--role');
  });

  it('adds and lists a user, and refuses a bad role or a common password with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-cli-'));
    const env = { HOPTAC_DATA_DIR: dir, HOPTAC_ADMIN_PASSWORD: 'admin-password' };
    const added = await hoptac(['user', 'add', '--role', 'editor', 'editor@moh.gov.vn'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Password: \S{8,}/);
    const listed = await hoptac(['user', 'list'], env);
    expect(listed.stdout).toContain('editor@moh.gov.vn\teditor');
    const bad = await hoptac(['user', 'add', '--role', 'boss', 'x@y.vn'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/boss/);
    const common = await hoptac(['user', 'passwd', '--password', 'password1', 'editor@moh.gov.vn'], env);
    expect(common.code).toBe(1);
    expect(common.stderr).toMatch(/most common/);
  }, 120_000);

  it('refuses to open a data directory another process holds, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-cli-'));
    const lock = lockDataDir(dir, 'hoptac serve');
    try {
      const result = await hoptac(['user', 'list'], { HOPTAC_DATA_DIR: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by process ${process.pid} (hoptac serve`);
    } finally {
      lock.release();
    }
  });

  it('exits with every configuration problem listed', async () => {
    const result = await hoptac(['user', 'list'], { PORT: 'many', HOPTAC_ADMIN_EMAIL: 'not-an-email' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('HOPTAC_ADMIN_EMAIL');
  });

  it('backs up one data directory and restores every row into an empty one', async () => {
    const from = { HOPTAC_DATA_DIR: mkdtempSync(join(tmpdir(), 'hoptac-cli-')) };
    const to = { HOPTAC_DATA_DIR: mkdtempSync(join(tmpdir(), 'hoptac-cli-')) };
    const file = join(mkdtempSync(join(tmpdir(), 'hoptac-cli-')), 'hoptac.backup.gz');
    expect((await hoptac(['seed', '--demo'], from)).code).toBe(0);
    const backup = await hoptac(['backup', file], from);
    const written = backup.stdout.match(/Wrote (\d+) rows of (\d+) tables/);
    expect(Number(written?.[1]), backup.stderr).toBeGreaterThan(100);
    const restore = await hoptac(['restore', file], to);
    expect(restore.stdout, restore.stderr).toContain(
      `Restored ${written?.[1]} rows of ${written?.[2]} tables`,
    );
  }, 600_000);
});
