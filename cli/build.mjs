// Compiles the hoptac command to JavaScript once (npm install runs it as `prepare`, npm start
// before serving), so `npx hoptac` starts without compiling TypeScript on every call. The worker
// the reader runs in is a second entry; migrations and the database thread's script are copied
// beside the bundle, where the code looks for them relative to its own file.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// A package's JSON (country names) is read into the bundle: Node 20 refuses a JSON import that has
// lost its `with { type: 'json' }`, which an external import would.
const bundleJson = {
  name: 'bundle-json',
  setup(build) {
    build.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
  },
};
const outdir = `${root}cli/dist`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { hoptac: 'cli/main.ts', 'extraction.worker': 'server/extraction/extraction.worker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [bundleJson],
});
cpSync(`${root}server/db/migrations`, `${outdir}/migrations`, { recursive: true });
// The embedded database's thread is plain JavaScript, loaded by its path beside the bundle.
cpSync(`${root}server/db/pglite-thread.worker.mjs`, `${outdir}/pglite-thread.worker.mjs`);
