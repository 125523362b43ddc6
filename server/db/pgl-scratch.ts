import { PGlite } from '@electric-sql/pglite';
import { openPglite } from './client.ts';

let t = Date.now();
const h = await openPglite(null);
console.log('init', Date.now() - t);
t = Date.now();
await h.migrate();
console.log('migrate', Date.now() - t);
t = Date.now();
// biome-ignore lint: scratch
const client = (h.db as any).$client as PGlite;
const dump = await client.dumpDataDir('none');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
const p2 = new PGlite({ loadDataDir: dump });
await p2.waitReady;
console.log('load', Date.now() - t);
t = Date.now();
const r = await p2.query('select count(*) from partners');
console.log(r.rows, Date.now() - t);
