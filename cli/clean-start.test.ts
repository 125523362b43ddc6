import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { readTestDatabaseConfig } from '../server/config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

type Manifest = { name: string; version: string; engines?: { node?: string } };

function readManifest(directory: string): Manifest {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;
}

/** Every installed package, nested copies included. */
function listInstalled(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(join(nodeModules, name)).map((scoped) => join(nodeModules, name, scoped))
        : [join(nodeModules, name)],
    )
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .flatMap((directory) => [directory, ...listInstalled(join(directory, 'node_modules'))]);
}

/** Runs `hoptac serve` until it says it is serving, then stops it; returns what it printed. */
function serveOnce(dataDir: string): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['cli/bin.mjs', 'serve', '--no-web'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      HOPTAC_DATA_DIR: dataDir,
      HOPTAC_ADMIN_PASSWORD: 'start-test-password',
      LOG_LEVEL: 'info',
    },
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('hoptac is serving on')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ stdout, stderr }));
  });
}

// The start runs on the embedded database; the installed tree is the same on every project.
describe.runIf(readTestDatabaseConfig().kind === 'pglite')('a clean install and start', () => {
  it('installs no package that declares it needs a newer Node than the project supports', () => {
    const supported = semver.minVersion(readManifest(root).engines?.node ?? '')?.version;
    expect(supported).toBe('20.19.0');
    const unsupported = listInstalled(join(root, 'node_modules'))
      .map(readManifest)
      .filter((manifest) => manifest.engines?.node && !semver.satisfies(supported!, manifest.engines.node))
      .map((manifest) => `${manifest.name}@${manifest.version} needs Node ${manifest.engines?.node}`);
    expect(unsupported).toEqual([]);
  });

  it('starts without printing a warning', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hoptac-start-'));
    const { stdout, stderr } = await serveOnce(dataDir).finally(() =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    expect(stdout).toContain('hoptac is serving on');
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/warn|deprecat/i);
  }, 120_000);
});
