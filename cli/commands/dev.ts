import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Command } from 'commander';

export function registerDevCommand(program: Command) {
  program
    .command('dev')
    .description('Serve the API on PORT and the web app through Vite with hot reload (http://localhost:5173)')
    .action(async () => {
      const { readConfig } = await import('../../server/config.ts');
      const { startServer } = await import('../../server/main.ts');
      const config = readConfig();
      const server = await startServer(config, { isDemo: true, isServingWeb: false });
      const vite = spawn(process.execPath, [resolve('node_modules/vite/bin/vite.js')], { stdio: 'inherit' });
      const stop = async () => {
        vite.kill('SIGTERM');
        await server.stop();
        process.exit(0);
      };
      vite.on('exit', () => void stop());
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
