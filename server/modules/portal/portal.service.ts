import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  PublicAgreementItem,
  PublicAgreementPage,
  PublicAgreementQuery,
  PublicAreaPage,
  PublicEvent,
  PublicNewsArticle,
  PublicNewsItem,
  PublicPartner,
  PublicPartnerPage,
  PublicSearchResult,
} from '../../../common/contracts/portal.ts';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import type { Language } from '../../../common/domain/enums.ts';
import { limits } from '../../../common/domain/limits.ts';
import { isPublishedTimeKnown } from '../../../common/domain/published-time.ts';
import type { Database } from '../../db/client.ts';
import { countCapped, matchesText, toIso } from '../../db/records.ts';
import { commonErrors } from '../../http/errors.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { attachedDocuments } from '../documents/documents.table.ts';
import { events } from '../events/events.table.ts';
import { partners } from '../partners/partners.table.ts';
import { sources } from '../sources/sources.table.ts';
import type { FeedEntry } from './atom-feed.ts';

const relatedCount = 6;
const searchCount = 10;

const newsColumns = {
  id: sources.id,
  title: sources.title,
  publishedAt: sources.publishedAt,
  lead: sources.lead,
  outlet: sources.outlet,
};

const partnerColumn = (name: string) => sql`tagged_partner.${sql.identifier(name)}`;

/** A news row's partners as the portal shows them, in the order tagged, read in the row's own
 * statement: a second query per page for them cost a list a third of its throughput. */
const taggedPartners = sql<PublicPartner[]>`(select coalesce(json_agg(json_build_object(
    'code', ${partnerColumn(partners.code.name)}, 'kind', ${partnerColumn(partners.kind.name)},
    'nameVi', ${partnerColumn(partners.nameVi.name)}, 'nameEn', ${partnerColumn(partners.nameEn.name)})
    order by tag.position), '[]'::json)
  from unnest(${sources.partnerIds}) with ordinality as tag(id, position)
  join ${partners} as tagged_partner on ${partnerColumn(partners.id.name)} = tag.id)`;

const newsItemColumns = { ...newsColumns, partners: taggedPartners };

type NewsRow = {
  id: string;
  title: string;
  publishedAt: Date | null;
  lead: string | null;
  outlet: string | null;
  partners: PublicPartner[];
};
type PartnerRow = typeof partners.$inferSelect;
type AreaRow = typeof areas.$inferSelect;
type AgreementRow = typeof agreements.$inferSelect;

const toPublicPartner = ({ code, kind, nameVi, nameEn }: PartnerRow) => ({ code, kind, nameVi, nameEn });
const toPublicArea = ({ id, labelVi, labelEn }: AreaRow) => ({ id, labelVi, labelEn });

function toPublicEvent(row: typeof events.$inferSelect): PublicEvent {
  const { id, kind, title, startOn, endOn, location } = row;
  return { id, kind, title, startOn, endOn, location };
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

const uuidArray = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;
const textArray = (ids: string[]) => sql`${sql.param(ids)}::text[]`;

/** The public portal: reads only what is published, through public schemas. */
export function createPortalService({ db }: { db: Database }) {
  const isPublic = eq(sources.isPublished, true);
  const isPublicAgreement = eq(agreements.isPublished, true);
  const newestFirst = [sql`${sources.publishedAt} desc nulls last`, desc(sources.createdAt)];
  const newestSignedFirst = [sql`${agreements.signedOn} desc nulls last`, asc(agreements.titleVi)];

  async function findPartners(ids: string[]): Promise<Map<string, PartnerRow>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await db.select().from(partners).where(inArray(partners.id, unique)) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  async function findAreas(ids: string[]): Promise<AreaRow[]> {
    const unique = [...new Set(ids)];
    return unique.length
      ? db.select().from(areas).where(inArray(areas.id, unique)).orderBy(areas.labelVi)
      : [];
  }

  function toNewsItem({ publishedAt: stored, ...row }: NewsRow): PublicNewsItem {
    const publishedAt = toIso(stored);
    return { ...row, publishedAt, isTimeKnown: isPublishedTimeKnown(publishedAt) };
  }

  async function listNewsWhere(where: SQL | undefined, limit: number, offset = 0) {
    const rows = await db
      .select(newsItemColumns)
      .from(sources)
      .where(and(isPublic, where))
      .orderBy(...newestFirst)
      .limit(limit)
      .offset(offset);
    return rows.map(toNewsItem);
  }

  async function toAgreementItems(rows: AgreementRow[]): Promise<PublicAgreementItem[]> {
    const [byId, areaRows] = await Promise.all([
      findPartners(rows.flatMap((row) => row.partyIds)),
      findAreas(rows.flatMap((row) => row.areaIds)),
    ]);
    const areaById = new Map(areaRows.map((row) => [row.id, row]));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      titleVi: row.titleVi,
      titleEn: row.titleEn,
      status: row.status,
      signedOn: row.signedOn,
      validFrom: row.validFrom,
      validTo: row.validTo,
      parties: row.partyIds.flatMap((id) => {
        const partner = byId.get(id);
        return partner ? [toPublicPartner(partner)] : [];
      }),
      areas: row.areaIds.flatMap((id) => {
        const area = areaById.get(id);
        return area ? [toPublicArea(area)] : [];
      }),
    }));
  }

  async function listEventsWhere(where: SQL): Promise<PublicEvent[]> {
    const rows = await db
      .select()
      .from(events)
      .where(and(eq(events.isPublished, true), where))
      .orderBy(sql`${events.startOn} desc nulls last`)
      .limit(50);
    return rows.map(toPublicEvent);
  }

  async function findPartnerByCode(code: string) {
    const [partner] = await db
      .select()
      .from(partners)
      .where(sql`upper(${partners.code}) = ${code.toUpperCase()}`);
    return partner;
  }

  /** Published news sharing a partner, an agreement or an area with the article, ranked: how many
   * of partner and agreement it shares, then whether it shares an area, then the newest. */
  async function findRelated(article: typeof sources.$inferSelect, agreementSourceIds: string[]) {
    const sharesPartner = article.partnerIds.length
      ? sql`(${sources.partnerIds} && ${uuidArray(article.partnerIds)})`
      : sql`false`;
    const sharesAgreement = agreementSourceIds.length
      ? sql`(${sources.id} = any(${uuidArray(agreementSourceIds)}))`
      : sql`false`;
    const sharesArea = article.areaIds.length
      ? sql`(${sources.areaIds} && ${textArray(article.areaIds)})`
      : sql`false`;
    const rows = await db
      .select(newsItemColumns)
      .from(sources)
      .where(
        and(
          isPublic,
          sql`${sources.id} <> ${article.id}`,
          sql`(${sharesPartner} or ${sharesAgreement} or ${sharesArea})`,
        ),
      )
      .orderBy(
        sql`(${sharesPartner})::int + (${sharesAgreement})::int desc`,
        sql`(${sharesArea})::int desc`,
        ...newestFirst,
      )
      .limit(relatedCount);
    return rows.map(toNewsItem);
  }

  function agreementFilters(query: Omit<PublicAgreementQuery, 'page' | 'pageSize'>, partnerId?: string) {
    return and(
      isPublicAgreement,
      matchesText(agreements, query.q),
      partnerId ? sql`${agreements.partyIds} @> array[${partnerId}::uuid]` : undefined,
      query.area ? sql`${query.area} = any(${agreements.areaIds})` : undefined,
      query.kind ? eq(agreements.kind, query.kind) : undefined,
      query.status ? eq(agreements.status, query.status) : undefined,
    );
  }

  return {
    async listNews(page: number, pageSize: number) {
      const cap = limits.listCountCap;
      const offset = (page - 1) * pageSize;
      // The page and its capped count in one statement (the count computed once, as a subquery).
      const rows = await db
        .select({
          ...newsItemColumns,
          total: sql<number>`(select count(*)::int from (select 1 from ${sources} where ${isPublic} limit ${cap + 1}) as counted)`,
        })
        .from(sources)
        .where(isPublic)
        .orderBy(...newestFirst)
        .limit(pageSize)
        .offset(offset);
      const countApart = async () => {
        const counted = await countCapped(db, sources, isPublic, cap);
        return counted.isTotalCapped ? cap + 1 : counted.total;
      };
      // Only a page past the end, which carries no count, asks for it apart.
      const total = rows[0] !== undefined ? Number(rows[0].total) : offset === 0 ? 0 : await countApart();
      const items = rows.map(({ total: _total, ...row }) => toNewsItem(row));
      return { items, total: Math.min(total, cap), isTotalCapped: total > cap, page };
    },

    async getArticle(id: string): Promise<PublicNewsArticle> {
      const [row] = await db
        .select()
        .from(sources)
        .where(and(eq(sources.id, id), isPublic));
      if (!row) throw commonErrors.notFound('There is no published article with this address.');
      const reported = await db
        .select()
        .from(agreements)
        .where(and(isPublicAgreement, sql`${agreements.sourceIds} @> array[${row.id}::uuid]`))
        .orderBy(...newestSignedFirst);
      const [byId, areaRows, related] = await Promise.all([
        findPartners(row.partnerIds),
        findAreas(row.areaIds),
        findRelated(
          row,
          reported.flatMap((agreement) => agreement.sourceIds),
        ),
      ]);
      const { id: articleId, title, publishedAt, lead, outlet } = row;
      const item = toNewsItem({
        id: articleId,
        title,
        publishedAt,
        lead,
        outlet,
        partners: row.partnerIds.flatMap((partnerId) => {
          const partner = byId.get(partnerId);
          return partner ? [toPublicPartner(partner)] : [];
        }),
      });
      return {
        ...item,
        text: row.text,
        url: row.url,
        language: row.language,
        areas: areaRows.map(toPublicArea),
        agreements: reported.map(({ id: agreementId, titleVi, titleEn }) => ({
          id: agreementId,
          titleVi,
          titleEn,
        })),
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
      const [row] = await db
        .select({ ...getTableColumns(partners), ...publishedCounts })
        .from(partners)
        .where(sql`upper(${partners.code}) = ${code.toUpperCase()}`);
      // A partner named only in unpublished records is not public: the same answer as no partner.
      if (!row || !hasPublishedActivity(row))
        throw commonErrors.notFound(`There is no partner with code ${code}.`);
      const isParty = sql`${agreements.partyIds} @> array[${row.id}::uuid]`;
      const all = await db
        .select()
        .from(agreements)
        .where(and(isPublicAgreement, isParty))
        .orderBy(...newestSignedFirst);
      const today = todayInVietNam();
      const inForce = all.filter(
        (agreement) =>
          (agreement.status === 'signed' || agreement.status === 'in_force') &&
          (!agreement.validTo || agreement.validTo >= today),
      );
      const [allItems, eventRows, news] = await Promise.all([
        toAgreementItems(all),
        listEventsWhere(sql`${events.partnerIds} @> array[${row.id}::uuid]`),
        listNewsWhere(sql`${sources.partnerIds} @> array[${row.id}::uuid]`, 20),
      ]);
      const areaIds = [...all.flatMap((agreement) => agreement.areaIds)];
      const newsAreas = await db
        .select({ areaIds: sources.areaIds })
        .from(sources)
        .where(and(isPublic, sql`${sources.partnerIds} @> array[${row.id}::uuid]`));
      areaIds.push(...newsAreas.flatMap((entry) => entry.areaIds));
      return {
        partner: toPublicPartner(row),
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
        allAgreements: allItems,
        events: eventRows,
        areas: (await findAreas(areaIds)).map(toPublicArea),
        news,
      };
    },

    async listAgreements(query: PublicAgreementQuery) {
      let partnerId: string | undefined;
      if (query.partner) {
        const partner = await findPartnerByCode(query.partner);
        if (!partner) return { items: [], total: 0, page: query.page };
        partnerId = partner.id;
      }
      const where = agreementFilters(query, partnerId);
      const rows = await db
        .select()
        .from(agreements)
        .where(where)
        .orderBy(...newestSignedFirst)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(agreements).where(where);
      return { items: await toAgreementItems(rows), total: Number(counted?.total ?? 0), page: query.page };
    },

    async getAgreement(id: string): Promise<PublicAgreementPage> {
      const [row] = await db
        .select()
        .from(agreements)
        .where(and(eq(agreements.id, id), isPublicAgreement));
      if (!row) throw commonErrors.notFound('There is no published agreement with this address.');
      const [[item], eventRows, news, files] = await Promise.all([
        toAgreementItems([row]),
        listEventsWhere(sql`${events.agreementIds} @> array[${row.id}::uuid]`),
        row.sourceIds.length ? listNewsWhere(inArray(sources.id, row.sourceIds), 20) : [],
        db
          .select({
            id: attachedDocuments.id,
            kind: attachedDocuments.kind,
            fileName: attachedDocuments.fileName,
            mediaType: attachedDocuments.mediaType,
            size: attachedDocuments.size,
          })
          .from(attachedDocuments)
          .where(
            and(
              eq(attachedDocuments.recordType, 'agreement'),
              eq(attachedDocuments.recordId, row.id),
              eq(attachedDocuments.isPublic, true),
            ),
          )
          .orderBy(asc(attachedDocuments.uploadedAt), asc(attachedDocuments.id)),
      ]);
      if (!item) throw commonErrors.notFound('There is no published agreement with this address.');
      return {
        ...item,
        summary: row.summary,
        documents: row.documents.map(({ slot, number, issuedOn }) => ({ slot, number, issuedOn })),
        files,
        events: eventRows,
        news,
      };
    },

    async getAreaPage(id: string): Promise<PublicAreaPage> {
      const [area] = await db.select().from(areas).where(eq(areas.id, id));
      if (!area) throw commonErrors.notFound(`There is no area ${id}.`);
      const agreementRows = await db
        .select()
        .from(agreements)
        .where(and(isPublicAgreement, sql`${id} = any(${agreements.areaIds})`))
        .orderBy(...newestSignedFirst)
        .limit(50);
      const [agreementItems, eventRows, news] = await Promise.all([
        toAgreementItems(agreementRows),
        listEventsWhere(sql`${id} = any(${events.areaIds})`),
        listNewsWhere(sql`${id} = any(${sources.areaIds})`, 20),
      ]);
      const partnerIds = agreementRows.flatMap((row) => row.partyIds);
      const newsPartners = await db
        .select({ partnerIds: sources.partnerIds })
        .from(sources)
        .where(and(isPublic, sql`${id} = any(${sources.areaIds})`));
      partnerIds.push(...newsPartners.flatMap((row) => row.partnerIds));
      const partnerRows = [...(await findPartners(partnerIds)).values()].sort((a, b) =>
        a.nameVi.localeCompare(b.nameVi, 'vi'),
      );
      return {
        area: toPublicArea(area),
        partners: partnerRows.map(toPublicPartner),
        agreements: agreementItems,
        events: eventRows,
        news,
      };
    },

    /** The portal's search box: the same folded-text match as the workspace search
     * (`matchesText` over `search_text`), restricted to published records. */
    async search(query: string): Promise<PublicSearchResult> {
      const [news, agreementRows, partnerList] = await Promise.all([
        listNewsWhere(matchesText(sources, query), searchCount),
        db
          .select()
          .from(agreements)
          .where(and(isPublicAgreement, matchesText(agreements, query)))
          .orderBy(...newestSignedFirst)
          .limit(searchCount),
        db
          .select({
            code: partners.code,
            kind: partners.kind,
            nameVi: partners.nameVi,
            nameEn: partners.nameEn,
            ...publishedCounts,
          })
          .from(partners)
          .where(matchesText(partners, query))
          .orderBy(partners.nameVi),
      ]);
      return {
        query,
        news,
        agreements: await toAgreementItems(agreementRows),
        partners: partnerList
          .filter(hasPublishedActivity)
          .map(({ code, kind, nameVi, nameEn }) => ({ code, kind, nameVi, nameEn })),
      };
    },

    /** Areas with something published in them, for the portal's links. */
    async listAreas() {
      const { areaIds } = await this.listSitemapEntries();
      return { items: (await findAreas(areaIds)).map(toPublicArea) };
    },

    /** Everything the sitemap lists: published news, agreements, partners with activity, areas
     * with something published. */
    async listSitemapEntries() {
      const [news, agreementRows, partnerList, areaRows] = await Promise.all([
        db
          .select({ id: sources.id, title: sources.title, updatedAt: sources.updatedAt })
          .from(sources)
          .where(isPublic)
          .orderBy(...newestFirst)
          .limit(10_000),
        db
          .select({
            id: agreements.id,
            titleVi: agreements.titleVi,
            titleEn: agreements.titleEn,
            updatedAt: agreements.updatedAt,
            areaIds: agreements.areaIds,
          })
          .from(agreements)
          .where(isPublicAgreement)
          .limit(10_000),
        this.listPartners(),
        db.select({ areaIds: sources.areaIds }).from(sources).where(isPublic),
      ]);
      const areaIds = new Set([
        ...agreementRows.flatMap((row) => row.areaIds),
        ...areaRows.flatMap((row) => row.areaIds),
      ]);
      return {
        news: news.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
        agreements: agreementRows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
        partnerCodes: partnerList.items.map((partner) => partner.code),
        areaIds: [...areaIds].sort(),
      };
    },

    /** The newest published news, in one language or about one partner when asked; a partner code
     * the portal does not know is a 404, as its page is. */
    async listFeedEntries(
      limit: number,
      filter: { language?: Language; partnerCode?: string } = {},
    ): Promise<{ entries: FeedEntry[]; partner: ReturnType<typeof toPublicPartner> | null }> {
      const partner = filter.partnerCode ? await findPartnerByCode(filter.partnerCode) : null;
      if (filter.partnerCode && !partner) {
        throw commonErrors.notFound(`There is no partner with code ${filter.partnerCode}.`);
      }
      const rows = await db
        .select({ ...newsColumns, updatedAt: sources.updatedAt })
        .from(sources)
        .where(
          and(
            isPublic,
            filter.language ? eq(sources.language, filter.language) : undefined,
            partner ? sql`${sources.partnerIds} @> array[${partner.id}::uuid]` : undefined,
          ),
        )
        .orderBy(...newestFirst)
        .limit(limit);
      const entries = rows.map((row) => ({
        id: row.id,
        title: row.title,
        lead: row.lead,
        outlet: row.outlet,
        publishedAt: toIso(row.publishedAt),
        updatedAt: row.updatedAt.toISOString(),
      }));
      return { entries, partner: partner ? toPublicPartner(partner) : null };
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
