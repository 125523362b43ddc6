// Generates a registry of N sources with proportional records (N/5 agreements, events and people,
// N/10 commitments, two participants per event) by multi-row inserts, the way a bulk import
// writes. Article text is recombined from the reader's fixture articles, so words, phrases and
// names are real Vietnamese and English; records point at a few hundred partners, as a ministry's do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { agreementStatuses, commitmentStatuses } from '../../common/domain/enums.ts';
import { toSearchWords } from '../../common/domain/text.ts';
import type { Database } from '../../server/db/client.ts';
import { toSearchVector } from '../../server/db/records.ts';
import { agreements } from '../../server/modules/agreements/agreements.table.ts';
import { areas } from '../../server/modules/areas/areas.table.ts';
import { commitments } from '../../server/modules/commitments/commitments.table.ts';
import { eventParticipants, events } from '../../server/modules/events/events.table.ts';
import { partners } from '../../server/modules/partners/partners.table.ts';
import { people } from '../../server/modules/people/people.table.ts';
import { sources } from '../../server/modules/sources/sources.table.ts';

const fixtures = fileURLToPath(new URL('../../reader/fixtures/', import.meta.url));

/** The sentences of every fixture article, for recombining into plausible articles. */
export function readCorpusSentences(): string[] {
  const sentences: string[] = [];
  for (const folder of readdirSync(fixtures)) {
    for (const name of readdirSync(join(fixtures, folder)).filter((file) => file.endsWith('.txt'))) {
      const text = readFileSync(join(fixtures, folder, name), 'utf8');
      for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
        const trimmed = sentence.trim();
        if (trimmed.length >= 30 && trimmed.length <= 600) sentences.push(trimmed);
      }
    }
  }
  return sentences;
}

/** A small seeded generator, so every run builds the same data. */
export function createRandom(seed = 42) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

export const vietnameseFamily = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const vietnameseMiddle = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Thanh',
  'Quốc',
  'Ngọc',
  'Xuân',
  'Thu',
  'Kim',
  'Tri',
];
export const vietnameseGiven = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hòa',
  'Hùng',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quang',
  'Sơn',
  'Thảo',
  'Thức',
  'Trung',
  'Tuấn',
  'Yến',
];
export const foreignGiven = [
  'Hiroshi',
  'Takeshi',
  'Yuki',
  'Min-jun',
  'Seo-yeon',
  'Olivier',
  'Claire',
  'Tedros',
  'Hans',
  'Greta',
  'Ivan',
  'Olga',
  'Somchai',
  'Kanya',
  'Michael',
  'Sarah',
  'Ahmed',
  'Fatima',
];
export const foreignFamily = [
  'Tanaka',
  'Suzuki',
  'Yamamoto',
  'Kim',
  'Park',
  'Dubois',
  'Laurent',
  'Ghebreyesus',
  'Müller',
  'Schmidt',
  'Petrov',
  'Ivanova',
  'Srisuk',
  'Johnson',
  'Williams',
  'Hassan',
  'Kowalski',
  'Andersson',
];

export type GeneratedData = {
  partnerIds: string[];
  biggestPartnerId: string;
  personNames: string[];
  partnerNamesEn: string[];
  partnerCodes: string[];
  areaLabelsEn: string[];
  sentences: string[];
};

function fakeUuid(random: ReturnType<typeof createRandom>): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function dayIn(random: ReturnType<typeof createRandom>, fromYear: number, years: number): string {
  const time = Date.UTC(fromYear, 0, 1) + random.next() * years * 365 * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Fills an empty, migrated database with N sources and proportional records. */
export async function generateData(db: Database, sourceCount: number, log: (line: string) => void) {
  const random = createRandom();
  const sentences = readCorpusSentences();
  const areaRows = await db.select({ id: areas.id, labelEn: areas.labelEn }).from(areas);
  const areaIds = areaRows.map((row) => row.id);
  const recordCount = Math.max(10, Math.round(sourceCount / 5));

  const partnerCount = 300;
  const partnerRows = Array.from({ length: partnerCount }, (_, index) => {
    const code = `P${index.toString(36).toUpperCase().padStart(3, '0')}`;
    const nameEn = `${random.pick(foreignFamily)} ${random.pick(['Health Agency', 'Foundation', 'Institute', 'Ministry of Health', 'University Hospital'])} ${index}`;
    const nameVi = `${random.pick(['Cơ quan Y tế', 'Quỹ', 'Viện', 'Bộ Y tế', 'Bệnh viện Đại học'])} ${random.pick(foreignFamily)} ${index}`;
    return {
      id: fakeUuid(random),
      kind: 'organisation' as const,
      code,
      nameVi,
      nameEn,
      searchText: toSearchWords(`${code} ${nameVi} ${nameEn}`),
    };
  });
  await insertInBatches(partnerRows, 500, (batch) => db.insert(partners).values(batch));
  const partnerIds = partnerRows.map((row) => row.id);
  // A skewed share: the first partner is named in a tenth of everything, as WHO or Japan would be.
  const pickPartner = () => (random.next() < 0.1 ? partnerIds[0]! : random.pick(partnerIds));

  let started = performance.now();
  const personNames: string[] = [];
  const personRows = Array.from({ length: recordCount }, () => {
    const isVietnamese = random.next() < 0.7;
    const name = isVietnamese
      ? `${random.pick(vietnameseFamily)} ${random.pick(vietnameseMiddle)} ${random.pick(vietnameseGiven)}`
      : `${random.pick(foreignGiven)} ${random.pick(foreignFamily)}`;
    personNames.push(name);
    return {
      id: fakeUuid(random),
      name,
      countryCode: isVietnamese ? 'VN' : null,
      searchText: toSearchWords(name),
    };
  });
  await insertInBatches(personRows, 2000, (batch) => db.insert(people).values(batch));

  const agreementRows = Array.from({ length: recordCount }, (_, index) => {
    const area = random.pick(areaRows);
    const titleVi = `Bản ghi nhớ hợp tác ${index} về ${random.pick(sentences).slice(0, 60)}`;
    const summary = random.pick(sentences);
    return {
      id: fakeUuid(random),
      kind: 'mou' as const,
      titleVi,
      titleEn: `Memorandum of understanding ${index} on ${area.labelEn.toLowerCase()}`,
      status: random.pick(agreementStatuses),
      signedOn: dayIn(random, 2005, 20),
      summary,
      partyIds: [pickPartner()],
      areaIds: [area.id],
      searchText: toSearchWords(
        `${titleVi} Memorandum of understanding ${index} on ${area.labelEn} ${summary}`,
      ),
    };
  });
  await insertInBatches(agreementRows, 1000, (batch) => db.insert(agreements).values(batch));

  const eventRows = Array.from({ length: recordCount }, () => {
    const title = `Hội đàm ${random.pick(sentences).slice(0, 70)}`;
    const summary = random.pick(sentences);
    return {
      id: fakeUuid(random),
      kind: random.pick(['talks', 'visit', 'signing', 'conference'] as const),
      title,
      summary,
      startOn: dayIn(random, 2005, 20),
      partnerIds: [pickPartner()],
      areaIds: [random.pick(areaIds)],
      searchText: toSearchWords(`${title} ${summary}`),
    };
  });
  await insertInBatches(eventRows, 1000, (batch) => db.insert(events).values(batch));
  const participantRows = eventRows.flatMap((event) => {
    const first = random.pick(personRows).id;
    const second = random.pick(personRows).id;
    return [
      { eventId: event.id, personId: first },
      ...(second === first ? [] : [{ eventId: event.id, personId: second }]),
    ];
  });
  await insertInBatches(participantRows, 5000, (batch) => db.insert(eventParticipants).values(batch));

  const commitmentRows = Array.from({ length: Math.round(recordCount / 2) }, () => {
    const agreement = random.pick(agreementRows);
    const text = random.pick(sentences).slice(0, 300);
    return {
      text,
      agreementId: agreement.id,
      status: random.pick(commitmentStatuses),
      dueOn: dayIn(random, 2020, 10),
      areaIds: agreement.areaIds,
      searchText: toSearchWords(text),
    };
  });
  await insertInBatches(commitmentRows, 2000, (batch) => db.insert(commitments).values(batch));
  log(
    `records: ${recordCount} people, agreements and events each, ${commitmentRows.length} commitments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  started = performance.now();
  const batchSize = 250;
  for (let start = 0; start < sourceCount; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, sourceCount - start) }, (_, offset) => {
      const index = start + offset;
      const title = random.pick(sentences).slice(0, 140);
      const paragraphs = Array.from({ length: 6 + random.int(14) }, () => random.pick(sentences));
      const text = [title, ...paragraphs].join('\n');
      const created = new Date(Date.UTC(2019, 0, 1) + (index / sourceCount) * 6 * 365 * 86_400_000);
      const outlet = random.pick([
        'Báo Sức khỏe và Đời sống',
        'Cổng thông tin Bộ Y tế',
        'VnExpress',
        'Tuổi Trẻ',
      ]);
      return {
        title,
        outlet,
        text,
        lead: paragraphs[0] ?? null,
        publishedAt: random.next() < 0.9 ? created : null,
        isPublished: random.next() < 0.5,
        reviewStatus: 'accepted' as const,
        partnerIds: [pickPartner()],
        areaIds: [random.pick(areaIds)],
        searchText: toSearchWords(`${title} ${outlet}`),
        searchVector: toSearchVector(`${title} ${outlet} ${text}`),
        createdAt: created,
        updatedAt: created,
      };
    });
    await db.insert(sources).values(batch);
    if ((start / batchSize) % 40 === 39) {
      const done = start + batch.length;
      const seconds = (performance.now() - started) / 1000;
      log(`sources: ${done} of ${sourceCount} (${(done / seconds).toFixed(0)}/s)`);
    }
  }
  log(`sources: ${sourceCount} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db.execute(sql`analyze`);

  return {
    partnerIds,
    biggestPartnerId: partnerIds[0]!,
    personNames,
    partnerNamesEn: partnerRows.map((row) => row.nameEn),
    partnerCodes: partnerRows.map((row) => row.code),
    areaLabelsEn: areaRows.map((row) => row.labelEn),
    sentences,
  } satisfies GeneratedData;
}
