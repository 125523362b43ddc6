// The dashboard's figures at scale, on the embedded database: 10,000 agreements, 20,000
// commitments and 5,000 events (each with partners and areas) on top of the demo data. Same-run
// baseline: one page of the agreements list (what any registry page costs), and reading every
// agreement row (what computing the figures in the process would start with). Median of 5 runs.
// Run: npx tsx bench/dashboard.bench.ts [AGREEMENTS]
import { performance } from 'node:perf_hooks';
import { readConfig } from '../server/config.ts';
import { openPglite } from '../server/db/client.ts';
import { createExtractionPool } from '../server/extraction/extraction-pool.ts';
import { agreements } from '../server/modules/agreements/agreements.table.ts';
import { commitments } from '../server/modules/commitments/commitments.table.ts';
import { events } from '../server/modules/events/events.table.ts';
import { seedDemoData } from '../server/seed/demo-data.ts';
import { ensureReferenceData } from '../server/seed/reference-data.ts';
import { createServices } from '../server/services.ts';

const agreementCount = Number(process.argv[2] ?? 10_000);
const runs = 5;

async function median(task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const database = await openPglite(null, 'bench');
await database.migrate();
await ensureReferenceData(database.db);
const extraction = createExtractionPool(readConfig({ LOG_LEVEL: 'silent' }));
const services = createServices({ db: database.db, extraction });
await seedDemoData(services);
const partnerIds = (
  await services.partners.list({ page: 1, pageSize: 50, order: 'asc', sort: 'nameVi' })
).items.map((partner) => partner.id);
const areaIds = ['oncology', 'vaccines', 'training', 'pharmaceuticals', 'traditional_medicine', 'research'];

const loadStart = performance.now();
for (let offset = 0; offset < agreementCount; offset += 500) {
  const size = Math.min(500, agreementCount - offset);
  const inserted = await database.db
    .insert(agreements)
    .values(
      Array.from({ length: size }, (_, index) => {
        const n = offset + index;
        return {
          kind: (['mou', 'agreement', 'plan'] as const)[n % 3]!,
          titleVi: `Bản ghi nhớ hợp tác y tế số ${n}`,
          status: (['signed', 'in_force', 'negotiating'] as const)[n % 3]!,
          signedOn: `20${10 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}`,
          validTo: `20${20 + (n % 15)}-12-31`,
          partyIds: [partnerIds[n % partnerIds.length]!, partnerIds[(n + 1) % partnerIds.length]!],
          areaIds: [areaIds[n % areaIds.length]!, areaIds[(n + 2) % areaIds.length]!],
          isPublished: n % 2 === 0,
        };
      }),
    )
    .returning({ id: agreements.id });
  await database.db.insert(events).values(
    Array.from({ length: Math.ceil(size / 2) }, (_, index) => {
      const n = offset + index;
      return {
        kind: (['talks', 'visit', 'conference'] as const)[n % 3]!,
        title: `Hội đàm số ${n}`,
        startOn: `20${15 + (n % 12)}-0${1 + (n % 9)}-2${n % 8}`,
        partnerIds: [partnerIds[n % partnerIds.length]!],
        areaIds: [areaIds[n % areaIds.length]!],
        isPublished: n % 3 === 0,
      };
    }),
  );
  await database.db.insert(commitments).values(
    inserted.flatMap(({ id }, index) => [
      {
        text: `Trao đổi chuyên gia, đợt ${index}`,
        agreementId: id,
        areaIds: ['training'],
        dueOn: '2025-06-30',
      },
      {
        text: `Đào tạo bác sĩ ung bướu, khóa ${index}`,
        agreementId: id,
        areaIds: ['oncology'],
        horizonYear: 2030,
        status: 'done' as const,
      },
    ]),
  );
}
const loadSeconds = (performance.now() - loadStart) / 1000;

const listPage = await median(() =>
  services.agreements.list({ page: 1, pageSize: 20, order: 'asc', sort: 'signedOn' }),
);
const readAll = await median(() => database.db.select().from(agreements));
const dashboard = await median(() => services.dashboard.getDashboard({}, { isPublishedOnly: false }));
const filtered = await median(() =>
  services.dashboard.getDashboard({ kind: 'talks', year: 2020 }, { isPublishedOnly: false }),
);
const published = await median(() => services.dashboard.getDashboard({}, { isPublishedOnly: true }));
const area = await median(() => services.dashboard.getAreaOverview('oncology'));
await extraction.close();
await database.close();

const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(
  `${agreementCount} agreements, ${agreementCount * 2} commitments, ${agreementCount / 2} events loaded in ${loadSeconds.toFixed(1)} s`,
);
console.table([
  { what: 'baseline: agreements list, one page of 20', median: ms(listPage), ratio: '1.0' },
  { what: 'baseline: read every agreement row', median: ms(readAll), ratio: (readAll / listPage).toFixed(1) },
  {
    what: 'GET /api/v1/dashboard (service)',
    median: ms(dashboard),
    ratio: (dashboard / listPage).toFixed(1),
  },
  {
    what: 'dashboard, timeline ?kind=talks&year=2020',
    median: ms(filtered),
    ratio: (filtered / listPage).toFixed(1),
  },
  {
    what: 'public dashboard (published only)',
    median: ms(published),
    ratio: (published / listPage).toFixed(1),
  },
  { what: 'area page (oncology)', median: ms(area), ratio: (area / listPage).toFixed(1) },
]);
