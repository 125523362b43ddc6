import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  PublicNewsArticle,
  PublicNewsItem,
  PublicPartnerPage,
} from '../../../common/contracts/portal.ts';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import { limits } from '../../../common/domain/limits.ts';
import type { Database } from '../../db/client.ts';
import { countCapped, toIso } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { partners } from '../partners/partners.table.ts';
import { sources } from '../sources/sources.table.ts';
import type { FeedEntry } from './atom-feed.ts';

const relatedCount = 5;

const newsColumns = {
  id: sources.id,
  title: sources.title,
  publishedAt: sources.publishedAt,
  lead: sources.lead,
  outlet: sources.outlet,
};

function toNewsItem(row: {
  id: string;
  title: string;
  publishedAt: Date | null;
  lead: string | null;
  outlet: string | null;
}): PublicNewsItem {
  return { ...row, publishedAt: toIso(row.publishedAt) };
}

// Drizzle writes a column of a single-table select without its table, so inside the subqueries
// a bare ${partners.id} would read as the agreement's or the source's own id: name it in full.
const outerPartnerId = sql`${partners}.${sql.identifier(partners.id.name)}`;

/** How many published agreements and news name the partner: the portal knows a partner only
 * through them. */
const publishedCounts = {
  agreementCount: sql<number>`(select count(*)::int from ${agreements} where ${agreements.isPublished} and ${agreements.partyIds} @> array[${outerPartnerId}])`,
  newsCount: sql<number>`(select count(*)::int from ${sources} where ${sources.isPublished} and ${sources.partnerIds} @> array[${outerPartnerId}])`,
};

function hasPublishedActivity(counts: { agreementCount: number; newsCount: number }): boolean {
  return Number(counts.agreementCount) + Number(counts.newsCount) > 0;
}

/** The public portal: reads only what is published, through public schemas. */
export function createPortalService({ db }: { db: Database }) {
  const isPublic = eq(sources.isPublished, true);
  const newestFirst = [sql`${sources.publishedAt} desc nulls last`, desc(sources.createdAt)];

  async function listNewsWhere(where: SQL | undefined, limit: number, offset = 0) {
    const rows = await db
      .select(newsColumns)
      .from(sources)
      .where(and(isPublic, where))
      .orderBy(...newestFirst)
      .limit(limit)
      .offset(offset);
    return rows.map(toNewsItem);
  }

  return {
    async listNews(page: number, pageSize: number) {
      const items = await listNewsWhere(undefined, pageSize, (page - 1) * pageSize);
      const counted = await countCapped(db, sources, isPublic, limits.listCountCap);
      return { items, ...counted, page };
    },

    async getArticle(id: string): Promise<PublicNewsArticle> {
      const [row] = await db
        .select()
        .from(sources)
        .where(and(eq(sources.id, id), isPublic));
      if (!row) throw commonErrors.notFound('There is no published article with this address.');
      const partnerRows = row.partnerIds.length
        ? await db.select().from(partners).where(inArray(partners.id, row.partnerIds))
        : [];
      const areaRows = row.areaIds.length
        ? await db.select().from(areas).where(inArray(areas.id, row.areaIds))
        : [];
      const sharesSomething = or(
        row.partnerIds.length
          ? sql`${sources.partnerIds} && ${sql.param(row.partnerIds)}::uuid[]`
          : undefined,
        row.areaIds.length ? sql`${sources.areaIds} && ${sql.param(row.areaIds)}::text[]` : undefined,
      );
      const related = sharesSomething
        ? await listNewsWhere(and(sql`${sources.id} <> ${row.id}`, sharesSomething), relatedCount)
        : [];
      return {
        ...toNewsItem(row),
        text: row.text,
        url: row.url,
        language: row.language,
        partners: partnerRows.map(({ code, kind, nameVi, nameEn }) => ({ code, kind, nameVi, nameEn })),
        areas: areaRows.map(({ id: areaId, labelVi, labelEn }) => ({ id: areaId, labelVi, labelEn })),
        related,
      };
    },

    async listPartners() {
      const rows = await db
        .select({
          code: partners.code,
          kind: partners.kind,
          nameVi: partners.nameVi,
          nameEn: partners.nameEn,
          ...publishedCounts,
        })
        .from(partners)
        .orderBy(partners.nameVi);
      return {
        items: rows
          .map((row) => ({
            ...row,
            agreementCount: Number(row.agreementCount),
            newsCount: Number(row.newsCount),
          }))
          .filter(hasPublishedActivity),
      };
    },

    async getPartnerPage(code: string): Promise<PublicPartnerPage> {
      const [partner] = await db
        .select({
          id: partners.id,
          code: partners.code,
          kind: partners.kind,
          nameVi: partners.nameVi,
          nameEn: partners.nameEn,
          ...publishedCounts,
        })
        .from(partners)
        .where(sql`upper(${partners.code}) = ${code.toUpperCase()}`);
      // A partner named only in unpublished records is not public: the same answer as no partner.
      if (!partner || !hasPublishedActivity(partner))
        throw commonErrors.notFound(`There is no partner with code ${code}.`);
      const inForce = await db
        .select()
        .from(agreements)
        .where(
          and(
            eq(agreements.isPublished, true),
            sql`${agreements.partyIds} @> array[${partner.id}::uuid]`,
            inArray(agreements.status, ['signed', 'in_force']),
            or(isNull(agreements.validTo), sql`${agreements.validTo} >= ${todayInVietNam()}`),
          ),
        )
        .orderBy(desc(agreements.signedOn));
      return {
        partner: { code: partner.code, kind: partner.kind, nameVi: partner.nameVi, nameEn: partner.nameEn },
        agreements: inForce.map(({ id, kind, titleVi, titleEn, status, signedOn, validFrom, validTo }) => ({
          id,
          kind,
          titleVi,
          titleEn,
          status,
          signedOn,
          validFrom,
          validTo,
        })),
        news: await listNewsWhere(sql`${sources.partnerIds} @> array[${partner.id}::uuid]`, 20),
      };
    },

    async listFeedEntries(limit: number): Promise<FeedEntry[]> {
      const rows = await db
        .select({ ...newsColumns, updatedAt: sources.updatedAt })
        .from(sources)
        .where(isPublic)
        .orderBy(...newestFirst)
        .limit(limit);
      return rows.map((row) => ({ ...toNewsItem(row), updatedAt: row.updatedAt.toISOString() }));
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
