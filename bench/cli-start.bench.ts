// How long the hoptac command takes to start (`hoptac --help`), beside the same-run baseline of a
// bare `node -e 0`: the compiled command (cli/dist) must not load the server to print its help.
// Run: npx tsx bench/cli-start.bench.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, ['cli/build.mjs'], { cwd: root, stdio: 'ignore' });
if (build.status !== 0) throw new Error('cli/build.mjs failed');

function median(args: string[], runs = 11): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const bare = median(['-e', '0']);
const help = median(['cli/bin.mjs', '--help']);
console.table([
  { what: 'baseline: node -e 0', medianMs: +bare.toFixed(0), ratio: 1 },
  { what: 'hoptac --help', medianMs: +help.toFixed(0), ratio: +(help / bare).toFixed(2) },
]);
