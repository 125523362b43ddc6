// The server's code loads inside each action, so `hoptac --help` reads none of it.
import type { Command } from 'commander';

export function registerDatabaseCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations and add missing reference data')
    .action(async () => {
      const { readConfig } = await import('../../server/config.ts');
      const { prepareDatabase } = await import('../../server/main.ts');
      const database = await prepareDatabase(
        readConfig(),
        { command: 'hoptac migrate', isDemo: false },
        console.log,
      );
      await database.close();
      console.log('The database is up to date.');
    });

  program
    .command('seed')
    .description('Add data to the database')
    .option('--demo', 'add the demo data (only into an empty database)')
    .action(async (options: { demo?: boolean }) => {
      const { readConfig } = await import('../../server/config.ts');
      const { prepareDatabase } = await import('../../server/main.ts');
      if (!options.demo) {
        console.error('Say what to seed: hoptac seed --demo');
        process.exitCode = 2;
        return;
      }
      const database = await prepareDatabase(
        readConfig(),
        { command: 'hoptac seed', isDemo: true },
        console.log,
      );
      await database.close();
    });
}
