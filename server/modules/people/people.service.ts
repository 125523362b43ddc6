import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type {
  CreatePerson,
  PersonListQuery,
  PersonMatch,
  PersonRecord,
  UpdatePerson,
} from '../../../common/contracts/people.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { likelySameName, nameKey, nameSimilarity } from '../../../common/domain/name-matching.ts';
import { foldText } from '../../../common/domain/text.ts';
import type { Database, Executor, Transaction } from '../../db/client.ts';
import { createRecordService, matchesText, requireExisting, toIso } from '../../db/records.ts';
import { lineageIds } from '../organisations/organisations.service.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { refuseWhileUsed } from '../record-uses/record-uses.ts';
import { people, positions } from './people.table.ts';

type PersonRow = typeof people.$inferSelect;

async function toPersonRecords(executor: Executor, rows: PersonRow[]): Promise<PersonRecord[]> {
  const ids = rows.map((row) => row.id);
  const held = ids.length
    ? await executor
        .select({
          id: positions.id,
          personId: positions.personId,
          title: positions.title,
          organisationId: positions.organisationId,
          organisationName: organisations.nameVi,
          startOn: positions.startOn,
          endOn: positions.endOn,
        })
        .from(positions)
        .leftJoin(organisations, eq(organisations.id, positions.organisationId))
        .where(inArray(positions.personId, ids))
        .orderBy(asc(positions.startOn), asc(positions.id))
    : [];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    countryCode: row.countryCode,
    note: row.note,
    aliases: row.aliases,
    positions: held
      .filter((position) => position.personId === row.id)
      .map(({ personId: _personId, ...position }) => position),
    version: row.version,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  }));
}

/** Why a person is suggested, told to the reviewer in the language of the request. */
const evidenceWords = {
  en: {
    sameName: 'same name',
    sameFolded: 'same name without diacritics, case or word order',
    knownAs: (alias: string) => `known by this name (${alias})`,
    transliteration: 'same name in another spelling (transliteration)',
    sharedWords: (shared: number, total: number) => `${shared} of ${total} name words shared`,
    sameCountry: (code: string) => `same country (${code})`,
    otherCountry: (code: string) => `different country (${code})`,
  },
  vi: {
    sameName: 'trùng tên',
    sameFolded: 'trùng tên khi bỏ dấu, chữ hoa hay thứ tự các từ',
    knownAs: (alias: string) => `còn được biết với tên này (${alias})`,
    transliteration: 'cùng tên theo cách phiên âm khác',
    sharedWords: (shared: number, total: number) => `trùng ${shared}/${total} từ trong tên`,
    sameCountry: (code: string) => `cùng quốc gia (${code})`,
    otherCountry: (code: string) => `khác quốc gia (${code})`,
  },
} satisfies Record<Language, unknown>;

export function createPeopleService({ db }: { db: Database }) {
  const records = createRecordService<typeof people, PersonRecord, CreatePerson, UpdatePerson>({
    db,
    table: people,
    recordType: 'person',
    noun: 'person',
    toRecords: toPersonRecords,
    searchWords: (values) => [
      values.name as string,
      ...((values.aliases as string[] | undefined) ?? []),
      values.countryCode as string,
    ],
    checkInput: async (executor, values) => {
      const organisationIds = (values.positions ?? [])
        .map((position) => position.organisationId)
        .filter((id): id is string => !!id);
      await requireExisting(
        executor,
        organisations,
        organisationIds,
        'organisation',
        'positions.organisationId',
      );
    },
    writeRelated: async (tx, id, input) => {
      if (!input.positions) return;
      await tx.delete(positions).where(eq(positions.personId, id));
      if (input.positions.length > 0) {
        await tx.insert(positions).values(
          input.positions.map((position) => ({
            personId: id,
            title: position.title,
            organisationId: position.organisationId ?? null,
            startOn: position.startOn ?? null,
            endOn: position.endOn ?? null,
          })),
        );
      }
    },
    checkDeletable: (executor, id) => refuseWhileUsed(executor, 'people', id),
  });

  async function findMatches(
    executor: Executor,
    name: string,
    countryCode?: string | null,
    language: Language = 'en',
  ): Promise<PersonMatch[]> {
    const say = evidenceWords[language];
    const key = foldText(name);
    if (!key) return [];
    const words = key.split(' ');
    // Candidates share a word of the name (the given name in Vietnamese order, the surname in most
    // Latin-script names) in their name or aliases; the score then compares each whole name.
    const rows = await executor
      .select()
      .from(people)
      .where(or(...words.slice(-3).map((word) => sql`${people.searchText} like ${`%${word}%`}`)))
      .limit(100);
    const scored = rows
      .map((row) => {
        const evidence: string[] = [];
        let score = 0;
        const spellings = [row.name, ...row.aliases];
        const sameKey = spellings.find((spelling) => nameKey(spelling) === nameKey(name));
        const alike = Math.max(...spellings.map((spelling) => nameSimilarity(spelling, name)));
        if (sameKey !== undefined) {
          score += 0.8;
          evidence.push(
            sameKey === name ? say.sameName : sameKey === row.name ? say.sameFolded : say.knownAs(sameKey),
          );
        } else if (alike >= likelySameName) {
          score += 0.7 * alike;
          evidence.push(say.transliteration);
        } else {
          const candidateWords = new Set(spellings.flatMap((spelling) => foldText(spelling).split(' ')));
          const shared = words.filter((word) => candidateWords.has(word)).length;
          const overlap = shared / Math.max(words.length, foldText(row.name).split(' ').length);
          if (overlap < 0.6) return null;
          score += 0.6 * overlap;
          evidence.push(say.sharedWords(shared, words.length));
        }
        if (countryCode && row.countryCode) {
          if (row.countryCode === countryCode) {
            score += 0.2;
            evidence.push(say.sameCountry(countryCode));
          } else {
            score -= 0.5;
            evidence.push(say.otherCountry(row.countryCode));
          }
        }
        return score > 0.4 ? { row, score: Math.min(1, Math.round(score * 100) / 100), evidence } : null;
      })
      .filter((match) => match !== null)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
    const personRecords = await toPersonRecords(
      executor,
      scored.map((match) => match.row),
    );
    return scored.map((match, index) => ({
      person: personRecords[index]!,
      score: match.score,
      evidence: match.evidence,
    }));
  }

  return {
    ...records,
    list: (query: PersonListQuery) =>
      records.list({
        ids: query.ids,
        where: [
          matchesText(people, query.q),
          query.countryCode ? eq(people.countryCode, query.countryCode) : undefined,
          query.organisationId
            ? sql`exists (select 1 from ${positions} where ${positions.personId} = ${people.id} and ${positions.organisationId} in ${lineageIds(query.organisationId)})`
            : undefined,
        ],
        sort: { name: people.name, countryCode: people.countryCode, updatedAt: people.updatedAt }[query.sort],
        order: query.order,
        page: query.page,
        pageSize: query.pageSize,
      }),
    findMatches: (name: string, countryCode?: string | null, language?: Language) =>
      findMatches(db, name, countryCode, language),

    /** Adds a position unless the person already holds that title at that organisation. */
    async ensurePosition(tx: Transaction, personId: string, title: string, organisationId: string | null) {
      const [existing] = await tx
        .select({ id: positions.id })
        .from(positions)
        .where(
          and(
            eq(positions.personId, personId),
            eq(positions.title, title),
            organisationId
              ? eq(positions.organisationId, organisationId)
              : sql`${positions.organisationId} is null`,
          ),
        );
      if (!existing) await tx.insert(positions).values({ personId, title, organisationId });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
