import type { Command } from 'commander';
import { readConfig } from '../../server/config.ts';
import { prepareDatabase } from '../../server/main.ts';

export function registerDatabaseCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations and add missing reference data')
    .action(async () => {
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
