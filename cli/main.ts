import { Command } from 'commander';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDatabaseCommands } from './commands/database.ts';
import { registerDevCommand } from './commands/dev.ts';
import { registerExtractCommand } from './commands/extract.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerRemindersCommand } from './commands/reminders.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommands } from './commands/users.ts';

const program = new Command('hoptac')
  .description('hoptac — registry, tracker and portal of international health cooperation')
  .showHelpAfterError();

registerServeCommand(program);
registerDevCommand(program);
registerDatabaseCommands(program);
registerBackupCommands(program);
registerUserCommands(program);
registerExtractCommand(program);
registerRemindersCommand(program);
registerImportCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (bad configuration, a locked data directory, a refused input) carry a
  // message meant for people; print it without a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`hoptac: ${message}`);
  process.exit(1);
}
