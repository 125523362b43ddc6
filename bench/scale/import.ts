// The batch import at scale: N generated articles through the same path as `hoptac import`
// (staged, drafted by the reader on every core, written in batches; on PostgreSQL through the job
// queue), beside its same-run baseline, a bare batched insert of the very rows it stored (200 per
// multi-row insert, one transaction each, no reader). Run alone:
//   node --import tsx bench/scale/import.ts --sources 10000 [--db pglite|postgres]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { readConfig } from '../../server/config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../../server/db/client.ts';
import { createExtractionPool } from '../../server/extraction/extraction-pool.ts';
import { startImportQueue } from '../../server/modules/imports/import-queue.ts';
import { createImportRunner } from '../../server/modules/imports/import-runner.ts';
import { createImportsService, importBatchSize } from '../../server/modules/imports/imports.service.ts';
import { createSourcesService } from '../../server/modules/sources/sources.service.ts';

export type ImportBenchOptions = {
  kind: 'pglite' | 'postgres';
  sources: number;
  /** The PostgreSQL server; a fresh database is made on it and dropped after. */
  serverUrl?: string;
};

export type ImportFigures = {
  kind: 'pglite' | 'postgres';
  sources: number;
  seconds: number;
  articlesPerSecond: number;
  stagingSeconds: number;
  bareSeconds: number;
  bareArticlesPerSecond: number;
  /** The import's rate over the bare insert's: the cost of reading every article. */
  ofBare: number;
  /** CPU seconds of this process (reader threads, the writing thread and, on PGlite, the database
   * thread) and of the PostgreSQL server's backends for this database, during the import: on a
   * shared machine the wall time follows the load, CPU per article does not. */
  processCpuSeconds: number;
  serverCpuSeconds: number;
};

/** CPU seconds (user + system) so far of the server backends of this database, by pid (Linux; the
 * server on this machine). Backends that end meanwhile are missed, so this is a floor. */
async function backendCpu(handle: DatabaseHandle): Promise<Map<number, number>> {
  const { readFileSync } = await import('node:fs');
  const rows = (await handle.db.execute(
    sql`select pid from pg_stat_activity where datname = current_database()`,
  )) as unknown as { rows: { pid: number }[] };
  const cpu = new Map<number, number>();
  for (const { pid } of rows.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Not on this machine, or gone.
    }
  }
  return cpu;
}

const partners = [
  'Lào',
  'Campuchia',
  'Nhật Bản',
  'Hàn Quốc',
  'Cuba',
  'Belarus',
  'WHO',
  'JICA',
  'KOICA',
  'Úc',
];
const topics = [
  'phòng chống sốt rét',
  'đào tạo nhân lực y tế',
  'y học cổ truyền',
  'vắc xin và tiêm chủng',
  'an toàn thực phẩm',
  'ghép tạng',
  'bệnh viện tuyến tỉnh',
  'chuyển đổi số y tế',
];

/** A news article of about 1.5 KB, like the ministry's, distinct per index. */
export function generateArticle(index: number): string {
  const partner = partners[index % partners.length]!;
  const topic = topics[(index >> 3) % topics.length]!;
  const day = (index % 28) + 1;
  const month = (index % 12) + 1;
  return [
    `Việt Nam và ${partner} tăng cường hợp tác về ${topic} (tin ${index})`,
    '',
    `Ngày ${day}/${month}/2025, tại Hà Nội, Thứ trưởng Bộ Y tế đã tiếp đoàn công tác của ${partner} do Đại sứ dẫn đầu. Hai bên đã trao đổi về kết quả hợp tác trong lĩnh vực ${topic} thời gian qua và thống nhất các hoạt động trong năm tới.`,
    `Phát biểu tại buổi làm việc, Thứ trưởng đánh giá cao sự hỗ trợ của ${partner} đối với ngành y tế Việt Nam, đặc biệt trong đào tạo cán bộ và chuyển giao kỹ thuật. Hai bên đã ký Biên bản ghi nhớ về hợp tác ${topic} giai đoạn 2025-2030.`,
    `Theo biên bản, phía ${partner} sẽ hỗ trợ đào tạo ${(index % 40) + 10} bác sĩ và điều dưỡng, trang bị thiết bị cho ${(index % 5) + 1} bệnh viện tuyến tỉnh trước ngày 31/12/2026. Bộ Y tế giao Vụ Hợp tác quốc tế chủ trì theo dõi việc thực hiện. Mã tin ${index.toString(36)}.`,
  ].join('\n');
}

async function openFresh(
  options: ImportBenchOptions,
): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  if (options.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'hoptac-bench-import-'));
    const handle = await openPglite(dir, 'bench import');
    return { handle, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `hoptac_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(server);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString());
  return {
    handle,
    url: target.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The same rows again, into a twin of the sources table: 200 per insert, one transaction each. */
async function bareInsert(handle: DatabaseHandle): Promise<number> {
  const { db } = handle;
  await db.execute(sql`create table sources_bare (like sources including defaults)`);
  let elapsed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = (await db.execute(
      sql`select * from sources where id > ${after}::uuid order by id limit ${importBatchSize}`,
    )) as unknown as { rows: Record<string, unknown>[] };
    if (page.rows.length === 0) break;
    after = String(page.rows[page.rows.length - 1]!.id);
    const json = JSON.stringify(page.rows);
    const started = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into sources_bare select * from json_populate_recordset(null::sources_bare, ${json}::json)`,
      );
    });
    elapsed += performance.now() - started;
  }
  return elapsed / 1000;
}

export async function benchImport(options: ImportBenchOptions): Promise<ImportFigures> {
  const { handle, url, drop } = await openFresh(options);
  const config = readConfig({ LOG_LEVEL: 'silent' });
  const extraction = createExtractionPool(config, { threads: availableParallelism(), isBackground: false });
  try {
    await handle.migrate();
    const sources = createSourcesService({ db: handle.db, extraction });
    const imports = createImportsService({ db: handle.db, extraction, sources });
    const queue = url ? await startImportQueue(url, (error) => console.error(error.message)) : null;
    const runner = createImportRunner({ imports, queue });
    const encoder = new TextEncoder();

    const cpuBefore = process.cpuUsage();
    const serverBefore = url ? await backendCpu(handle) : new Map<number, number>();
    const started = performance.now();
    const { id } = await imports.openImport(`bench-${options.sources}`, { userId: null, email: 'bench' });
    for (let from = 0; from < options.sources; from += 1000) {
      const items = [];
      for (let index = from; index < Math.min(from + 1000, options.sources); index++) {
        items.push({ path: `article-${index}.txt`, bytes: encoder.encode(generateArticle(index)) });
      }
      await imports.stageItems(id, items);
    }
    const stagingSeconds = (performance.now() - started) / 1000;
    await runner.run(id);
    let serverCpuSeconds = 0;
    if (queue) {
      await queue.work(2, runner.handleJob);
      while (!(await imports.finishIfSettled(id))) await new Promise((resolve) => setTimeout(resolve, 250));
      for (const [pid, seconds] of await backendCpu(handle))
        serverCpuSeconds += seconds - (serverBefore.get(pid) ?? 0);
      await queue.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const processCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const counts = await imports.countItems(id);
    if (counts.imported !== options.sources) {
      throw new Error(`imported ${counts.imported} of ${options.sources} (${JSON.stringify(counts)})`);
    }
    const bareSeconds = await bareInsert(handle);
    const articlesPerSecond = options.sources / seconds;
    const bareArticlesPerSecond = options.sources / bareSeconds;
    return {
      kind: options.kind,
      sources: options.sources,
      seconds,
      articlesPerSecond,
      stagingSeconds,
      bareSeconds,
      bareArticlesPerSecond,
      ofBare: articlesPerSecond / bareArticlesPerSecond,
      processCpuSeconds,
      serverCpuSeconds,
    };
  } finally {
    await extraction.close();
    await handle.close();
    await drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { sources: { type: 'string', default: '10000' }, db: { type: 'string', default: 'pglite' } },
  });
  const figures = await benchImport({
    kind: values.db === 'postgres' ? 'postgres' : 'pglite',
    sources: Number(values.sources),
  });
  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    JSON.stringify(
      Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    ),
  );
}
