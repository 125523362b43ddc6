import { eq, sql } from 'drizzle-orm';
import type {
  DuplicateDismissalInput,
  DuplicatePair,
  DuplicateReason,
} from '../../../common/contracts/merges.ts';
import type { MergeCollection } from '../../../common/domain/enums.ts';
import { compareNames, nameBuckets, nameSimilarity } from '../../../common/domain/name-matching.ts';
import type { Database } from '../../db/client.ts';
import { type Actor, requireExisting } from '../../db/records.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { people, positions } from '../people/people.table.ts';
import { duplicateDismissals } from './merges.table.ts';

// Likely duplicates among people or organisations, for an editor to merge or dismiss: the same
// normalised name, a name alike through transliteration, or alike names with the same title and
// country. Names are compared within buckets (see nameBuckets), never every pair.

type Candidate = {
  id: string;
  name: string;
  spellings: string[];
  countryCode: string | null;
  title: string | null;
  successorId: string | null;
};

/** How many records are read, and compared per bucket: past these the page shows the likeliest. */
const maxCandidates = 20_000;
const maxBucket = 300;
const maxPairs = 200;
/** Alike names (below transliteration's threshold) that also share a title and country. */
const alikeWithTitle = 0.7;

async function readCandidates(db: Database, collection: MergeCollection): Promise<Candidate[]> {
  if (collection === 'people') {
    const rows = await db
      .select({
        id: people.id,
        name: people.name,
        aliases: people.aliases,
        countryCode: people.countryCode,
        titles: sql<
          string[] | null
        >`(select array_agg(distinct lower(${positions.title})) from ${positions} where ${positions.personId} = ${people.id})`,
      })
      .from(people)
      .limit(maxCandidates);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      spellings: [row.name, ...row.aliases],
      countryCode: row.countryCode,
      title: row.titles?.sort().join(', ') || null,
      successorId: null,
    }));
  }
  const rows = await db.select().from(organisations).limit(maxCandidates);
  return rows.map((row) => ({
    id: row.id,
    name: row.nameVi,
    spellings: [row.nameVi, row.nameEn, ...row.aliases].filter(Boolean),
    countryCode: row.countryCode,
    title: row.kind,
    successorId: row.successorId,
  }));
}

function sharesTitle(a: Candidate, b: Candidate): boolean {
  if (!a.title || !b.title) return false;
  const titles = new Set(a.title.split(', '));
  return b.title.split(', ').some((title) => titles.has(title));
}

/** Why two records may be one, with a score; null when they are not alike enough. */
function comparePair(a: Candidate, b: Candidate): { score: number; reasons: DuplicateReason[] } | null {
  // Records a reorganisation tied together are meant to be two.
  if (a.successorId === b.id || b.successorId === a.id) return null;
  if (a.countryCode && b.countryCode && a.countryCode !== b.countryCode) return null;
  let best: ReturnType<typeof compareNames> = null;
  let similarity = 0;
  for (const left of a.spellings)
    for (const right of b.spellings) {
      const found = compareNames(left, right);
      if (found && (!best || found.similarity > best.similarity || found.reason === 'same_name'))
        best = found;
      similarity = Math.max(similarity, nameSimilarity(left, right));
    }
  const sameCountry = !!a.countryCode && a.countryCode === b.countryCode;
  const sameTitle = sharesTitle(a, b);
  const reasons: DuplicateReason[] = [];
  let score: number;
  if (best) {
    reasons.push(best.reason);
    score = best.reason === 'same_name' ? 0.9 : 0.8 * best.similarity;
  } else if (sameCountry && sameTitle && similarity >= alikeWithTitle) {
    score = 0.6 * similarity;
  } else return null;
  if (sameCountry) {
    reasons.push('same_country');
    score += 0.05;
  }
  if (sameTitle) {
    reasons.push('same_title');
    score += 0.05;
  }
  return { score: Math.min(1, Math.round(score * 100) / 100), reasons };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export function createDuplicatesService({ db }: { db: Database }) {
  return {
    async list(collection: MergeCollection): Promise<DuplicatePair[]> {
      const candidates = await readCandidates(db, collection);
      const dismissed = new Set(
        (
          await db
            .select({ first: duplicateDismissals.firstId, second: duplicateDismissals.secondId })
            .from(duplicateDismissals)
            .where(eq(duplicateDismissals.collection, collection))
        ).map((row) => pairKey(row.first, row.second)),
      );
      const buckets = new Map<string, Candidate[]>();
      for (const candidate of candidates)
        for (const key of new Set(candidate.spellings.flatMap(nameBuckets)))
          buckets.set(key, [...(buckets.get(key) ?? []), candidate]);
      const pairs = new Map<string, DuplicatePair>();
      for (const bucket of buckets.values()) {
        const members = bucket.slice(0, maxBucket);
        for (let i = 0; i < members.length; i++)
          for (let j = i + 1; j < members.length; j++) {
            const [a, b] = [members[i]!, members[j]!];
            const key = pairKey(a.id, b.id);
            if (pairs.has(key) || dismissed.has(key)) continue;
            const found = comparePair(a, b);
            if (!found) continue;
            const [first, second] = a.id < b.id ? [a, b] : [b, a];
            const side = (c: Candidate) => ({
              id: c.id,
              name: c.name,
              countryCode: c.countryCode,
              title: c.title,
            });
            pairs.set(key, { first: side(first), second: side(second), ...found });
          }
      }
      return [...pairs.values()]
        .sort((x, y) => y.score - x.score || x.first.name.localeCompare(y.first.name))
        .slice(0, maxPairs);
    },

    /** Records that the pair is not one record; dismissing it again changes nothing. */
    async dismiss(input: DuplicateDismissalInput, actor: Actor): Promise<void> {
      const table = input.collection === 'people' ? people : organisations;
      await requireExisting(
        db,
        table,
        input.ids,
        input.collection === 'people' ? 'person' : 'organisation',
        'ids',
      );
      const [firstId, secondId] = [...input.ids].sort() as [string, string];
      await db
        .insert(duplicateDismissals)
        .values({ collection: input.collection, firstId, secondId, createdBy: actor.userId })
        .onConflictDoNothing();
    },
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
