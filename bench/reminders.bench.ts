// The daily reminder job on 10,000 agreements and 50,000 commitments (embedded database): its
// first run (every reminder made and mailed to a sink) and a second run the same day (nothing
// new: the steady state of a second process or a restart), with the queries each sends, beside
// a same-run baseline that only reads the same agreements and commitments.
// One agreement in twenty misses its signing report and commitments fall due over four years, so
// the job finds a few thousand obligations, not one per record.
// Run: npx tsx bench/reminders.bench.ts [AGREEMENTS]

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { addDays, addMonths, todayInVietNam } from '../common/domain/calendar.ts';
import { readConfig } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';
import * as schema from '../server/db/schema.ts';
import { createExtractionPool } from '../server/extraction/extraction-pool.ts';
import { agreements } from '../server/modules/agreements/agreements.table.ts';
import { commitments } from '../server/modules/commitments/commitments.table.ts';
import type { Mailer } from '../server/modules/notifications/digest-mail.ts';
import { notifications } from '../server/modules/notifications/notifications.table.ts';
import { organisations } from '../server/modules/organisations/organisations.table.ts';
import { users } from '../server/modules/users/users.table.ts';
import { ensureReferenceData } from '../server/seed/reference-data.ts';
import { createServices } from '../server/services.ts';

const agreementCount = Number(process.argv[2] ?? 10_000);
const commitmentsPerAgreement = 5;
const unitCount = 20;

let queries = 0;
const client = new PGlite();
await client.waitReady;
const db = drizzle({ client, schema, logger: { logQuery: () => (queries += 1) } }) as unknown as Database;
await migrate(db as never, {
  migrationsFolder: fileURLToPath(new URL('../server/db/migrations', import.meta.url)),
});
await ensureReferenceData(db);

let mailsSent = 0;
const sink: Mailer = {
  isConfigured: true,
  send: async () => {
    mailsSent += 1;
  },
  close: () => {},
};
const extraction = createExtractionPool(readConfig({ LOG_LEVEL: 'silent' }));
const services = createServices({ db, extraction, mailer: sink });

const today = todayInVietNam();
const loadStart = performance.now();
const units = await db
  .insert(organisations)
  .values(
    Array.from({ length: unitCount }, (_, n) => ({
      nameVi: `Đơn vị số ${n}`,
      kind: 'hospital' as const,
      countryCode: 'VN',
    })),
  )
  .returning({ id: organisations.id });
await db.insert(users).values([
  { email: 'admin@bench.test', passwordHash: 'x', role: 'admin' as const },
  { email: 'editor@bench.test', passwordHash: 'x', role: 'editor' as const },
  ...units.flatMap((unit, n) =>
    [0, 1].map((k) => ({
      email: `unit${n}-${k}@bench.test`,
      passwordHash: 'x',
      role: 'unit' as const,
      organisationId: unit.id,
    })),
  ),
]);
for (let offset = 0; offset < agreementCount; offset += 500) {
  const rows = Array.from({ length: Math.min(500, agreementCount - offset) }, (_, index) => {
    const n = offset + index;
    const signedOn = addMonths(today, -(n % 60) - 1);
    return {
      kind: 'mou' as const,
      titleVi: `Bản ghi nhớ hợp tác y tế số ${n}`,
      status: 'in_force' as const,
      signedOn,
      validFrom: signedOn,
      validTo: addDays(today, (n % 1500) + 1),
      legalBasis: 'international_agreement' as const,
      signingUnitId: units[n % unitCount]!.id,
      // Most units filed their reports; one agreement in twenty has its signing report missing.
      documents:
        n % 20 === 0
          ? []
          : [
              {
                slot: 'signing_report' as const,
                number: `${n}/BC`,
                issuedOn: addDays(signedOn, 10),
                note: null,
              },
              {
                slot: 'implementation_plan' as const,
                number: `${n}/KH`,
                issuedOn: `${today.slice(0, 4)}-01-10`,
                note: null,
              },
            ],
    };
  });
  const inserted = await db.insert(agreements).values(rows).returning({ id: agreements.id });
  await db.insert(commitments).values(
    inserted.flatMap(({ id }, index) =>
      Array.from({ length: commitmentsPerAgreement }, (_, k) => ({
        text: `Cam kết ${index}.${k}`,
        agreementId: id,
        vnOwnerIds: [units[(index + k) % unitCount]!.id],
        // Spread over four years from a month ago: about one in fifty overdue, a few due this week.
        dueOn: addDays(today, ((((offset + index) * commitmentsPerAgreement + k) * 7) % 1460) - 30),
        status: 'agreed' as const,
      })),
    ),
  );
}
const loadSeconds = (performance.now() - loadStart) / 1000;

async function measure<T>(task: () => Promise<T>): Promise<{ ms: number; queries: number; result: T }> {
  const before = queries;
  const start = performance.now();
  const result = await task();
  return { ms: performance.now() - start, queries: queries - before, result };
}

const baseline = await measure(async () => {
  const rows = await db.select().from(agreements);
  const children = await db.select().from(commitments);
  return rows.length + children.length;
});
const first = await measure(() => services.reminders.run(today));
const second = await measure(() => services.reminders.run(today));
const stored = (await db.select({ id: notifications.id }).from(notifications)).length;
await extraction.close();
await client.close();

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
console.log(
  `${agreementCount} agreements and ${agreementCount * commitmentsPerAgreement} commitments, ${unitCount} units with 2 users each, 1 admin, 1 editor; loaded in ${loadSeconds.toFixed(1)} s`,
);
console.log(
  `first run: ${first.result.obligations} obligations, ${first.result.created} reminders made (${stored} stored), ${mailsSent} digests mailed`,
);
console.table([
  {
    what: 'baseline: read the agreements and commitments',
    time: ms(baseline.ms),
    queries: baseline.queries,
    ratio: '1.0',
  },
  {
    what: 'reminder job, first run (make + mail)',
    time: ms(first.ms),
    queries: first.queries,
    ratio: (first.ms / baseline.ms).toFixed(1),
  },
  {
    what: 'reminder job, same day again (nothing new)',
    time: ms(second.ms),
    queries: second.queries,
    ratio: (second.ms / baseline.ms).toFixed(1),
  },
]);
