import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, readTestDatabaseConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createTestDatabase } from '../db/test-database.ts';
import { createExtractionPool } from '../extraction/extraction-pool.ts';
import { prepareDatabase } from '../main.ts';
import { createServices, type Services } from '../services.ts';
import { isDatabaseEmpty, seedDemoData } from './demo-data.ts';
import { ensureReferenceData } from './reference-data.ts';

// Seeding drafts the demo articles through the reader's workers, as the server does: on a busy
// two-core machine that takes minutes, hence the longer timeouts here.
const extraction = createExtractionPool(readConfig({ LOG_LEVEL: 'silent' }));
afterAll(() => extraction.close());

describe('demo data', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureReferenceData(database.db);
    services = createServices({ db: database.db, extraction });
    await seedDemoData(services);
  }, 180_000);
  afterAll(() => database.close());

  it('records the Belarus MoU with its signatories and the Russia roadmap with its commitments', async () => {
    const page = { page: 1, pageSize: 50, order: 'asc' as const };
    const belarus = (await services.partners.findByCode(services.db, 'BY'))!;
    const mous = await services.agreements.list({
      ...page,
      sort: 'signedOn',
      partnerId: belarus.id,
      kind: 'mou',
    });
    expect(mous.items).toHaveLength(1);
    expect(mous.items[0]).toMatchObject({ status: 'signed', signedOn: '2024-10-08' });
    const files = await services.documents.listPublic('agreement', mous.items[0]!.id);
    expect(files).toEqual([expect.objectContaining({ kind: 'signed_text', mediaType: 'application/pdf' })]);
    const signing = await services.events.list({
      ...page,
      sort: 'startOn',
      partnerId: belarus.id,
      kind: 'signing',
    });
    expect(signing.items[0]).toMatchObject({ mode: 'online', startOn: '2024-10-08' });
    expect(signing.items[0]!.connectionPoints).toHaveLength(3);
    expect(
      signing.items[0]!.participants.filter((p) => p.role === 'signatory').map((p) => p.personName),
    ).toEqual(['Nguyễn Tri Thức', 'Aliaksandr Staravoitau']);
    const roadmap = await services.agreements.list({ ...page, sort: 'signedOn', kind: 'roadmap' });
    const items = await services.commitments.list({
      ...page,
      sort: 'dueOn',
      agreementId: roadmap.items[0]!.id,
    });
    expect(items.total).toBeGreaterThanOrEqual(8);
    expect(items.items.every((item) => item.horizonYear === 2030)).toBe(true);
  });

  it('cites Resolution 72-NQ/TW on the Belarus MoU and the Russia roadmap', async () => {
    const policies = await services.policies.list({ page: 1, pageSize: 10, order: 'asc', sort: 'number' });
    const resolution72 = policies.items.find((policy) => policy.number === '72-NQ/TW')!;
    expect(resolution72.issuedOn).toBe('2025-09-09');
    const citing = await services.agreements.list({
      page: 1,
      pageSize: 10,
      order: 'asc',
      sort: 'signedOn',
      policyId: resolution72.id,
    });
    expect(citing.items.map((agreement) => agreement.kind).sort()).toEqual(['mou', 'roadmap']);
  });

  it('gives a partner’s whole picture, each person met once', async () => {
    const russia = (await services.partners.findByCode(services.db, 'RU'))!;
    const overview = await services.partnerOverview.getOverview(russia.id);
    expect(overview.agreements.map((agreement) => agreement.kind).sort()).toEqual([
      'joint_statement',
      'mou',
      'roadmap',
    ]);
    expect(overview.events.map((event) => event.kind).sort()).toEqual(['talks', 'visit']);
    expect(overview.peopleMet.map((person) => person.name).sort()).toEqual([
      'Mikhail Murashko',
      'Đào Hồng Lan',
    ]);
    expect(overview.openCommitments.length).toBeGreaterThanOrEqual(10);
    expect(overview.areas[0]).toMatchObject({ count: 3 });
  });

  it("suggests merging the two spellings of Belarus's ambassador", async () => {
    const pairs = await services.duplicates.list('people');
    expect(pairs.map((pair) => [pair.first.name, pair.second.name].sort().join(' / '))).toContain(
      'Uladzimir Baravikou / Vladimir Borovikov',
    );
  });

  it('publishes the two news items to the portal', async () => {
    const news = await services.portal.listNews(1, 10);
    expect(news.total).toBe(2);
    expect(await isDatabaseEmpty(services)).toBe(false);
  });

  it('leaves one later article in the inbox whose review proposes a commitment’s completion', async () => {
    const drafts = await services.sources.list({
      page: 1,
      pageSize: 50,
      order: 'desc',
      sort: 'publishedAt',
      reviewStatus: 'draft',
    });
    const article = drafts.items.find((item) => item.title.includes('cộng hưởng từ'));
    expect(article).toBeDefined();
    const proposals = await services.review.listProgressProposals(article!.id);
    expect(proposals).toEqual([
      expect.objectContaining({
        target: 'commitment',
        recordLabel: 'Lắp đặt và chuyển giao hệ thống chụp cộng hưởng từ',
        status: 'done',
        reasons: expect.objectContaining({ partnerCodes: ['KR'] }),
      }),
    ]);
  });
});

describe('demo data for tracking', () => {
  let database: DatabaseHandle;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureReferenceData(database.db);
    services = createServices({ db: database.db, extraction });
    await services.users.create(
      { email: 'admin@demo.test', password: 'correct horse battery', role: 'admin', organisationId: null },
      { userId: null, email: 'test' },
    );
    await seedDemoData(services);
  }, 180_000);
  afterAll(() => database.close());

  it('shows something on every radar, overdue commitments, a running clock and the admin’s reminders', async () => {
    const radar = await services.radar.getRadar({
      silentMonths: 6,
      dormantMonths: 12,
      renewalWithinDays: 180,
    });
    expect(radar.renewalWindow.map((item) => item.titleVi)).toContain(
      'Bản ghi nhớ hợp tác đào tạo nhân lực y tế Việt Nam – Nhật Bản',
    );
    expect(radar.dormantAgreements.map((item) => item.titleVi)).toContain(
      'Thỏa thuận hợp tác về trang thiết bị y tế Việt Nam – Hàn Quốc',
    );
    expect(radar.silentCommitments.map((item) => item.text)).toContain(
      'Lắp đặt và chuyển giao hệ thống chụp cộng hưởng từ',
    );
    const overdue = await services.commitments.list({
      isOverdue: true,
      page: 1,
      pageSize: 50,
      sort: 'dueOn',
      order: 'asc',
    });
    expect(overdue.total).toBeGreaterThanOrEqual(2);
    const [admin] = (
      await services.users.list({ page: 1, pageSize: 5, sort: 'email', order: 'asc' } as never)
    ).items as {
      id: string;
    }[];
    const reminders = await services.notifications.list(admin!.id, { page: 1, pageSize: 100 });
    const kinds = new Set(reminders.items.map((item) => item.kind));
    for (const kind of [
      'commitment_overdue',
      'commitment_due',
      'renewal_window',
      'dormant_agreement',
      'clock_overdue',
      'clock_due',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });
});

describe.runIf(readTestDatabaseConfig().kind === 'pglite')('restart', () => {
  it('keeps every record across a restart and does not seed twice', async () => {
    const config = readConfig({
      HOPTAC_DATA_DIR: mkdtempSync(join(tmpdir(), 'hoptac-restart-')),
      LOG_LEVEL: 'silent',
    });
    const lines: string[] = [];
    const first = await prepareDatabase(config, { command: 'test', isDemo: true }, (line) =>
      lines.push(line),
    );
    const before = await createServices({ db: first.db, extraction }).agreements.list({
      page: 1,
      pageSize: 50,
      order: 'asc',
      sort: 'signedOn',
    });
    await first.close();
    expect(lines.some((line) => line.includes('one-time password'))).toBe(true);

    const second = await prepareDatabase(config, { command: 'test', isDemo: true }, (line) =>
      lines.push(line),
    );
    const after = await createServices({ db: second.db, extraction }).agreements.list({
      page: 1,
      pageSize: 50,
      order: 'asc',
      sort: 'signedOn',
    });
    await second.close();
    expect(after.items.map((item) => item.id)).toEqual(before.items.map((item) => item.id));
    expect(lines.filter((line) => line.includes('Added demo data'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('one-time password'))).toHaveLength(1);
  }, 180_000);
});
