// Files people take away, on the embedded database: the IATI export of 10,000 agreements (with
// 20,000 commitments under them) beside a same-run baseline that only reads the same rows and
// serialises them as JSON, the XLSX export of the same agreements beside reading their list pages,
// and a partner briefing (PDF, DOCX) beside a one-paragraph document
// through the same renderer (its fixed cost: font embedding, zip). Median of 3 runs each.
// Run: npx tsx bench/exports.bench.ts [AGREEMENTS]
import { performance } from 'node:perf_hooks';
import { readConfig } from '../server/config.ts';
import { openPglite } from '../server/db/client.ts';
import { renderDocx } from '../server/documents/render-docx.ts';
import { renderPdf } from '../server/documents/render-pdf.ts';
import { createExtractionPool } from '../server/extraction/extraction-pool.ts';
import { agreements } from '../server/modules/agreements/agreements.table.ts';
import { commitments } from '../server/modules/commitments/commitments.table.ts';
import { seedDemoData } from '../server/seed/demo-data.ts';
import { ensureReferenceData } from '../server/seed/reference-data.ts';
import { createServices } from '../server/services.ts';

const agreementCount = Number(process.argv[2] ?? 10_000);
const runs = 3;

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
const [russia] = (
  await services.partners.list({ q: 'nga', page: 1, pageSize: 1, order: 'asc', sort: 'nameVi' })
).items;
const partnerIds = (
  await services.partners.list({ page: 1, pageSize: 50, order: 'asc', sort: 'nameVi' })
).items.map((partner) => partner.id);
const areaIds = ['oncology', 'vaccines', 'training', 'pharmaceuticals', 'traditional_medicine'];

const loadStart = performance.now();
for (let offset = 0; offset < agreementCount; offset += 500) {
  const rows = Array.from({ length: Math.min(500, agreementCount - offset) }, (_, index) => {
    const n = offset + index;
    return {
      kind: 'mou' as const,
      titleVi: `Bản ghi nhớ hợp tác y tế số ${n}`,
      titleEn: `Health cooperation memorandum no. ${n}`,
      status: 'in_force' as const,
      signedOn: `20${10 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}`,
      validTo: `20${26 + (n % 10)}-12-31`,
      summary: 'Hợp tác nghiên cứu, đào tạo nhân lực và trao đổi chuyên gia.',
      partyIds: [partnerIds[n % partnerIds.length]!],
      areaIds: [areaIds[n % areaIds.length]!, areaIds[(n + 2) % areaIds.length]!],
    };
  });
  const inserted = await database.db.insert(agreements).values(rows).returning({ id: agreements.id });
  await database.db.insert(commitments).values(
    inserted.flatMap(({ id }, index) => [
      {
        text: `Trao đổi chuyên gia, đợt ${index}`,
        agreementId: id,
        areaIds: ['training'],
        dueOn: '2027-06-30',
      },
      {
        text: `Đào tạo bác sĩ ung bướu, khóa ${index}`,
        agreementId: id,
        areaIds: ['oncology'],
        horizonYear: 2030,
      },
    ]),
  );
}
const loadSeconds = (performance.now() - loadStart) / 1000;

const org = { ref: 'VN-MOH', nameVi: 'Bộ Y tế', nameEn: 'Ministry of Health' };
let iatiBytes = 0;
const baseline = await median(async () => {
  const rows = await database.db.select().from(agreements);
  const children = await database.db.select().from(commitments);
  JSON.stringify([rows, children]);
});
const iati = await median(async () => {
  iatiBytes = (await services.iati.exportActivities({}, org)).length;
});
// The spreadsheet export reads through the list's own code (records, names of parties and
// areas); its baseline reads the same list pages and serialises them as JSON.
const listQuery = { order: 'asc' as const, sort: 'signedOn' as const };
const listBaseline = await median(async () => {
  for (let page = 1; page <= Math.ceil(agreementCount / 1000); page += 1)
    JSON.stringify(await services.agreements.list({ ...listQuery, page, pageSize: 1000 }));
});
let xlsxBytes = 0;
const xlsx = await median(async () => {
  xlsxBytes = (await services.spreadsheets.exportRecords('agreements', listQuery, 'vi', 'xlsx')).content
    .length;
});

const oneParagraph = {
  language: 'vi' as const,
  title: 'Tài liệu một đoạn',
  preamble: [],
  blocks: [{ kind: 'paragraph' as const, text: 'Bộ Y tế Việt Nam.' }],
  footer: 'hoptac',
};
const pdfBaseline = await median(() => renderPdf(oneParagraph));
const pdf = await median(() => services.briefings.render(russia!.id, 'pdf', 'vi'));
const docxBaseline = await median(() => renderDocx(oneParagraph));
const docx = await median(() => services.briefings.render(russia!.id, 'docx', 'vi'));
await extraction.close();
await database.close();

const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(
  `${agreementCount} agreements and ${agreementCount * 2} commitments loaded in ${loadSeconds.toFixed(1)} s`,
);
console.table([
  { what: 'baseline: read the same rows + JSON', median: ms(baseline), ratio: '1.0' },
  {
    what: `IATI 2.03 XML (${(iatiBytes / 1e6).toFixed(1)} MB)`,
    median: ms(iati),
    ratio: (iati / baseline).toFixed(1),
  },
  { what: 'baseline: read the list pages + JSON', median: ms(listBaseline), ratio: '1.0' },
  {
    what: `XLSX of ${agreementCount} agreements (${(xlsxBytes / 1e6).toFixed(1)} MB)`,
    median: ms(xlsx),
    ratio: (xlsx / listBaseline).toFixed(1),
  },
  { what: 'baseline: one-paragraph PDF', median: ms(pdfBaseline), ratio: '1.0' },
  { what: 'briefing PDF (Russia)', median: ms(pdf), ratio: (pdf / pdfBaseline).toFixed(1) },
  { what: 'baseline: one-paragraph DOCX', median: ms(docxBaseline), ratio: '1.0' },
  { what: 'briefing DOCX (Russia)', median: ms(docx), ratio: (docx / docxBaseline).toFixed(1) },
]);
