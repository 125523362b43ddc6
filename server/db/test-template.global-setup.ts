import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from './client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/** Starting PGlite from scratch (initdb in WebAssembly) takes seconds; every test file instead
 * loads a copy of one migrated database made here once per run. */
export default async function createPgliteTemplate(project: TestProject) {
  const database = await openPglite(null);
  await database.migrate();
  const dump = await database.dump!();
  const path = join(mkdtempSync(join(tmpdir(), 'hoptac-template-')), 'migrated.tar');
  writeFileSync(path, dump);
  await database.close();
  project.provide('pgliteTemplate', path);
}
