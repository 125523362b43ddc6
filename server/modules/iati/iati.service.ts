import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { IatiExportQuery } from '../../../common/contracts/iati.ts';
import { dayInVietNam } from '../../../common/domain/published-time.ts';
import type { Database } from '../../db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import { commitments } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { partners } from '../partners/partners.table.ts';
import { sources } from '../sources/sources.table.ts';
import { iatiErrors } from './iati.errors.ts';
import {
  buildIatiActivities,
  type IatiAgreement,
  type IatiArea,
  type IatiReportingOrg,
} from './iati-activities.ts';

function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function groupBy<T>(rows: T[], keysOf: (row: T) => readonly (string | null)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows)
    for (const key of keysOf(row)) {
      if (!key) continue;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
  return groups;
}

function pick<T>(map: Map<string, T>, ids: readonly string[]): T[] {
  return ids.flatMap((id) => {
    const value = map.get(id);
    return value ? [value] : [];
  });
}

/** Reads the agreements and everything under them in a fixed number of queries (no query per
 * agreement), then hands plain values to the XML builder. */
export function createIatiService({ db }: { db: Database }) {
  async function loadAgreements(query: IatiExportQuery): Promise<IatiAgreement[]> {
    const where: SQL[] = [];
    if (query.partnerId) where.push(sql`${agreements.partyIds} @> array[${query.partnerId}::uuid]`);
    if (query.isPublished !== undefined) where.push(eq(agreements.isPublished, query.isPublished));
    const agreementRows = await db
      .select()
      .from(agreements)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(agreements.signedOn), asc(agreements.id));
    if (agreementRows.length === 0) return [];
    const agreementIds = agreementRows.map((row) => row.id);

    const [areaRows, partnerRows, commitmentRows, eventRows] = await Promise.all([
      db.select().from(areas),
      db.select().from(partners),
      db.select().from(commitments).where(inArray(commitments.agreementId, agreementIds)),
      db
        .select({
          kind: events.kind,
          title: events.title,
          startOn: events.startOn,
          summary: events.summary,
          agreementIds: events.agreementIds,
        })
        .from(events)
        .where(sql`${events.agreementIds} && ${sql.param(agreementIds)}::uuid[]`)
        .orderBy(asc(events.startOn)),
    ]);
    const ownerIds = [...new Set(commitmentRows.flatMap((row) => row.vnOwnerIds))];
    const sourceIds = [...new Set(agreementRows.flatMap((row) => row.sourceIds))];
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
              url: sources.url,
              title: sources.title,
              publishedAt: sources.publishedAt,
              language: sources.language,
            })
            .from(sources)
            .where(inArray(sources.id, sourceIds))
        : [],
    ]);

    const areaById = new Map<string, IatiArea>(areaRows.map((row) => [row.id, row]));
    const partnerById = byId(partnerRows);
    const ownerById = byId(ownerRows);
    const sourceById = byId(sourceRows);
    const eventsByAgreement = groupBy(
      eventRows.filter((event) => event.title.trim()),
      (event) => event.agreementIds,
    );
    const commitmentsByAgreement = groupBy(commitmentRows, (commitment) => [commitment.agreementId]);

    return agreementRows.map((row) => ({
      id: row.id,
      kind: row.kind,
      titleVi: row.titleVi,
      titleEn: row.titleEn,
      status: row.status,
      signedOn: row.signedOn,
      validFrom: row.validFrom,
      validTo: row.validTo,
      summary: row.summary,
      updatedAt: toIso(row.updatedAt),
      parties: pick(partnerById, row.partyIds),
      areas: pick(areaById, row.areaIds),
      sources: pick(sourceById, row.sourceIds).flatMap((source) =>
        source.url
          ? [
              {
                url: source.url,
                title: source.title || source.url,
                language: source.language,
                // The day in Viet Nam: an article printed at 00:30 there is the previous day in UTC.
                publishedOn: source.publishedAt ? dayInVietNam(toIso(source.publishedAt)) : null,
              },
            ]
          : [],
      ),
      events: eventsByAgreement.get(row.id) ?? [],
      commitments: (commitmentsByAgreement.get(row.id) ?? []).map((commitment) => ({
        id: commitment.id,
        text: commitment.text,
        status: commitment.status,
        dueOn: commitment.dueOn,
        horizonYear: commitment.horizonYear,
        areas: pick(areaById, commitment.areaIds),
        owners: pick(ownerById, commitment.vnOwnerIds),
        updatedAt: toIso(commitment.updatedAt),
      })),
    }));
  }

  return {
    /** The IATI 2.03 document; IATI requires at least one activity, so an empty selection is 404. */
    async exportActivities(query: IatiExportQuery, reportingOrg: IatiReportingOrg): Promise<string> {
      const selected = await loadAgreements(query);
      if (selected.length === 0) throw iatiErrors.empty('No agreement matches the export filters.');
      return buildIatiActivities(reportingOrg, selected);
    },
  };
}

export type IatiService = ReturnType<typeof createIatiService>;
