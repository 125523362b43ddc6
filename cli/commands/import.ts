// hoptac import PATH… [--json]: drafts every article (files, folders, .zip) with the reader on every
// core and stores them in batches, resumable after any interruption; hoptac worker takes the
// queued jobs of imports on PostgreSQL. The work lives in import-run.ts, loaded only when run.
import type { Command } from 'commander';
import type { ImportOptions } from './import-run.ts';

export function registerImportCommands(program: Command) {
  program
    .command('import')
    .description('Import articles in bulk: files, folders or .zip archives of .txt, .html, .docx, .pdf')
    .argument('<paths...>', 'files, folders or .zip archives')
    .option('--json', 'print the summary as one JSON object: {"imported","duplicates","failed","seconds"}')
    .option('--failures <file>', 'where to write the CSV of failures (default hoptac-import-failures-ID.csv)')
    .option('--detach', 'on PostgreSQL, only queue the import for hoptac worker processes')
    .action(async (paths: string[], options: ImportOptions) =>
      (await import('./import-run.ts')).runImport(paths, options),
    );

  program
    .command('worker')
    .description('Take batch-import jobs from the PostgreSQL queue until stopped (run one per machine)')
    .action(async () => (await import('./import-run.ts')).runWorker());
}
