import { inArray } from 'drizzle-orm';
import type { Language } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import { renderDocx } from '../../documents/render-docx.ts';
import { renderPdf } from '../../documents/render-pdf.ts';
import { organisations } from '../organisations/organisations.table.ts';
import type { PartnerOverviewService } from '../partners/partner-overview.service.ts';
import { sources } from '../sources/sources.table.ts';
import { type BriefingFacts, composePartnerBriefing } from './partner-briefing.ts';

export type BriefingFormat = 'docx' | 'pdf';

/** The calendar day in Viet Nam of an instant. */
function dayInVietNam(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant);
}

export function createBriefingsService({
  db,
  partnerOverview,
}: {
  db: Database;
  partnerOverview: PartnerOverviewService;
}) {
  async function gatherFacts(partnerId: string): Promise<BriefingFacts> {
    const overview = await partnerOverview.getOverview(partnerId);
    const ownerIds = [...new Set(overview.openCommitments.flatMap((c) => c.vnOwnerIds))];
    const sourceIds = [
      ...new Set([...overview.agreements, ...overview.events].flatMap((record) => record.sourceIds)),
    ];
    const [ownerRows, sourceRows] = await Promise.all([
      ownerIds.length
        ? db
            .select({ id: organisations.id, nameVi: organisations.nameVi, nameEn: organisations.nameEn })
            .from(organisations)
            .where(inArray(organisations.id, ownerIds))
        : [],
      sourceIds.length
        ? db
            .select({
              id: sources.id,
              title: sources.title,
              outlet: sources.outlet,
              url: sources.url,
              publishedAt: sources.publishedAt,
            })
            .from(sources)
            .where(inArray(sources.id, sourceIds))
        : [],
    ]);
    return {
      overview,
      organisationNames: new Map(ownerRows.map((row) => [row.id, row])),
      sources: sourceRows
        .map((row) => ({ ...row, publishedAt: row.publishedAt ? dayInVietNam(row.publishedAt) : null }))
        .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '')),
      today: dayInVietNam(new Date()),
    };
  }

  return {
    async render(partnerId: string, format: BriefingFormat, language: Language) {
      const facts = await gatherFacts(partnerId);
      const document = composePartnerBriefing(facts, language);
      const content = format === 'docx' ? await renderDocx(document) : await renderPdf(document);
      return { content, partnerCode: facts.overview.partner.code };
    },
  };
}

export type BriefingsService = ReturnType<typeof createBriefingsService>;
