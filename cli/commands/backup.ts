import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import type { Command } from 'commander';

/** Opens the configured database; on the embedded one a running server holds the lock, and the
 * online backup is then the server's own download. */
async function openForBackup(command: string) {
  const { readConfig } = await import('../../server/config.ts');
  const { openDatabase } = await import('../../server/db/client.ts');
  const { DataDirLockedError } = await import('../../server/db/data-dir-lock.ts');
  try {
    return await openDatabase(readConfig(), command);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new Error(
      `${error.message}\nWhile the server runs on the embedded database, an administrator can download the same backup from /api/v1/admin/backup (see README, "Backup and restore").`,
    );
  }
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('Write a backup of the whole database to FILE (online on PostgreSQL)')
    .argument('<file>', 'where to write the backup (gzip); must not exist yet')
    .action(async (file: string) => {
      if (existsSync(file)) throw new Error(`${file} already exists; choose a new file name.`);
      const { writeBackup } = await import('../../server/modules/backup/backup.service.ts');
      const database = await openForBackup('hoptac backup');
      try {
        const summary = await writeBackup(database.db, createWriteStream(file, { flags: 'wx' }));
        console.log(`Wrote ${summary.rows} rows of ${summary.tables} tables to ${file}.`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description('Restore a backup into an empty database (a new HOPTAC_DATA_DIR or PostgreSQL database)')
    .argument('<file>', 'a file written by hoptac backup')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new Error(`There is no file ${file}.`);
      const { readConfig } = await import('../../server/config.ts');
      const { openDatabase } = await import('../../server/db/client.ts');
      const { restoreBackup } = await import('../../server/modules/backup/backup.service.ts');
      const database = await openDatabase(readConfig(), 'hoptac restore');
      try {
        await database.migrate();
        const summary = await restoreBackup(database.db, createReadStream(file));
        console.log(`Restored ${summary.rows} rows of ${summary.tables} tables from ${file}.`);
      } finally {
        await database.close();
      }
    });
}
