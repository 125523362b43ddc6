// `hoptac extract` throughput on 3,000 files, net of start-up, beside the reader in process on the
// same files in the same run (read + decode + draft + the same JSON, one core). The compiled
// command drafts in worker threads on every core, several small files per job; its outputs must be
// byte for byte the in-process ones. Files are recombined from the development set's sentences
// (bench/reader-corpus.ts; benches may read ../shared, the app may not).
// Run: npm run bench -- extract
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../cli/commands/extract.ts';
import { buildCorpus } from './reader-corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fileCount = 3000;
const runs = 3;

const build = spawnSync(process.execPath, ['cli/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('cli/build.mjs failed');

const dir = mkdtempSync(join(tmpdir(), 'hoptac-extract-bench-'));
try {
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  const files = buildCorpus(fileCount).map((text, index) => {
    const file = join(inputs, `article-${String(index).padStart(4, '0')}.txt`);
    writeFileSync(file, text);
    return file;
  });
  const megabytes = files.reduce((sum, file) => sum + readFileSync(file).byteLength, 0) / 1e6;

  // The reader in process, one core: the same work per file as the command's threads.
  const inProcess: string[] = [];
  await extractFile(files[0]!); // loads the reader
  const started = performance.now();
  for (const file of files) inProcess.push(`${JSON.stringify(await extractFile(file), null, 2)}\n`);
  const inProcessSeconds = (performance.now() - started) / 1000;

  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const timeCommand = (args: string[], out: string) => {
    rmSync(out, { recursive: true, force: true });
    const began = performance.now();
    const result = spawnSync(process.execPath, ['cli/bin.mjs', 'extract', '--out', out, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (result.status !== 0) throw new Error(`hoptac extract exited ${result.status}: ${result.stderr}`);
    return (performance.now() - began) / 1000;
  };
  // Start-up: the command on one file (process, database-free command loading, a worker thread
  // and the reader in it), subtracted from the full run.
  const startup = median(Array.from({ length: runs }, () => timeCommand([files[0]!], join(dir, 'one'))));
  const loadBefore = loadavg();
  const full = median(Array.from({ length: runs }, () => timeCommand(files, join(dir, 'out'))));
  const net = Math.max(full - startup, 0.001);

  const differing = files.filter(
    (file, index) =>
      readFileSync(join(dir, 'out', `${file.split('/').pop()!.replace('.txt', '')}.json`), 'utf8') !==
      inProcess[index],
  ).length;

  console.log(
    `hoptac extract of ${fileCount} files (${megabytes.toFixed(1)} MB); load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.table([
    {
      what: 'baseline: reader in process, one core',
      seconds: +inProcessSeconds.toFixed(2),
      'MB/s': +(megabytes / inProcessSeconds).toFixed(1),
    },
    { what: 'hoptac extract, start-up (one file)', seconds: +startup.toFixed(2), 'MB/s': null },
    {
      what: `hoptac extract, ${fileCount} files, whole run`,
      seconds: +full.toFixed(2),
      'MB/s': +(megabytes / full).toFixed(1),
    },
    {
      what: `hoptac extract, ${fileCount} files, net of start-up`,
      seconds: +net.toFixed(2),
      'MB/s': +(megabytes / net).toFixed(1),
    },
  ]);
  console.log(`outputs differing from the in-process reader's: ${differing} of ${fileCount}`);
  if (differing > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
