// Child process for durability.test.ts: commits one row, says so, then waits to be killed.
import { openPglite } from './client.ts';
import { partners } from './schema.ts';

const database = await openPglite(process.argv[2]!, 'durability writer');
await database.migrate();
await database.db
  .insert(partners)
  .values({ kind: 'country', code: 'BY', nameVi: 'Belarus', nameEn: 'Belarus' });
process.stdout.write('committed\n');
setInterval(() => {}, 1000);
