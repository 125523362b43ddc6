import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';

/** Builds the web app once when there is no build yet, so `npm start` works on a fresh clone. */
function ensureWebBuild(webDir: string) {
  if (existsSync(resolve(webDir, 'index.html'))) return;
  console.log(`No web build in ${webDir}; building it once (vite build)…`);
  const result = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) console.error('The web build failed; serving the API only.');
}

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Migrate the database and serve the API and web app on PORT (default 3000)')
    .option('--demo', 'add demo data when the database is empty')
    .option('--no-web', 'serve the API only')
    .action(async (options: { demo?: boolean; web: boolean }) => {
      const { readConfig } = await import('../../server/config.ts');
      const { startServer } = await import('../../server/main.ts');
      const config = readConfig();
      if (options.web) ensureWebBuild(config.HOPTAC_WEB_DIR);
      const server = await startServer(config, { isDemo: Boolean(options.demo), isServingWeb: options.web });
      const stop = async (signal: string) => {
        console.log(`${signal} received; stopping.`);
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
