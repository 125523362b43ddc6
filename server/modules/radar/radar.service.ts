import { and, asc, sql } from 'drizzle-orm';
import type { Radar, RadarQuery } from '../../../common/contracts/radar.ts';
import { addDays, addMonths, todayInVietNam } from '../../../common/domain/calendar.ts';
import { limits } from '../../../common/domain/limits.ts';
import type { Database } from '../../db/client.ts';
import { qualified } from '../../db/records.ts';
import { type AgreementsService, statusIs } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import type { CommitmentsService } from '../commitments/commitments.service.ts';
import { vietNamDateSql } from '../commitments/commitments.service.ts';
import { commitments, progressUpdates } from '../commitments/commitments.table.ts';
import { events } from '../events/events.table.ts';
import { provenanceSpans, sources } from '../sources/sources.table.ts';

/** The latest day anything showed the agreement alive: its own dates and recorded steps, an event
 * naming it, a source (listed on it or pointing at it), progress on one of its commitments. */
export const agreementSignOfLifeSql = sql<string>`greatest(
  ${qualified(agreements.signedOn)}, ${qualified(agreements.validFrom)}, ${vietNamDateSql(qualified(agreements.createdAt))},
  (select max((step->>'on')::date) from jsonb_array_elements(${qualified(agreements.statusHistory)}) step),
  (select max(coalesce(${qualified(events.endOn)}, ${qualified(events.startOn)})) from ${events} where ${qualified(events.agreementIds)} @> array[${qualified(agreements.id)}]),
  (select max(${vietNamDateSql(sql`coalesce(${qualified(sources.publishedAt)}, ${qualified(sources.createdAt)})`)}) from ${sources}
    where ${qualified(agreements.sourceIds)} @> array[${qualified(sources.id)}]
       or exists (select 1 from ${provenanceSpans} where ${qualified(provenanceSpans.sourceId)} = ${qualified(sources.id)}
                  and ${qualified(provenanceSpans.recordType)} = 'agreement' and ${qualified(provenanceSpans.recordId)} = ${qualified(agreements.id)}::text)),
  (select max(${qualified(progressUpdates.on)}) from ${progressUpdates} join ${commitments} on ${qualified(commitments.id)} = ${qualified(progressUpdates.commitmentId)}
    where ${qualified(commitments.agreementId)} = ${qualified(agreements.id)})
)`;

/** The radars: silent commitments, dormant agreements, agreements in their renewal window. */
export function createRadarService(deps: {
  db: Database;
  agreements: AgreementsService;
  commitments: CommitmentsService;
}) {
  const { db } = deps;
  const pageSize = limits.listPageSizeMax;

  async function findDormant(today: string, months: number): Promise<Radar['dormantAgreements']> {
    const rows = await db
      .select({
        id: agreements.id,
        titleVi: agreements.titleVi,
        titleEn: agreements.titleEn,
        signedOn: agreements.signedOn,
        validTo: agreements.validTo,
        signingUnitId: agreements.signingUnitId,
        lastSignOfLifeOn: agreementSignOfLifeSql,
      })
      .from(agreements)
      .where(
        and(statusIs('in_force', today), sql`${agreementSignOfLifeSql} < ${addMonths(today, -months)}::date`),
      )
      .orderBy(asc(agreementSignOfLifeSql))
      .limit(pageSize);
    return rows.map((row) => ({ ...row, lastSignOfLifeOn: String(row.lastSignOfLifeOn) }));
  }

  async function findRenewalWindow(today: string, days: number): Promise<Radar['renewalWindow']> {
    const page = await deps.agreements.list(
      { expiringWithinDays: days, sort: 'validTo', order: 'asc', page: 1, pageSize },
      today,
    );
    return page.items.map((item) => ({
      id: item.id,
      titleVi: item.titleVi,
      titleEn: item.titleEn,
      signedOn: item.signedOn,
      validTo: item.validTo,
      signingUnitId: item.signingUnitId,
      currentTermEndsOn: item.currentTermEndsOn!,
      renewalPeriodMonths: item.renewalPeriodMonths,
      terminationNoticeDays: item.terminationNoticeDays,
      noticeDueOn:
        item.terminationNoticeDays === null
          ? null
          : addDays(item.currentTermEndsOn!, -item.terminationNoticeDays),
    }));
  }

  return {
    async getRadar(query: RadarQuery, today = todayInVietNam()): Promise<Radar> {
      const [silent, dormantAgreements, renewalWindow] = await Promise.all([
        deps.commitments.list({
          isSilent: true,
          silentMonths: query.silentMonths,
          sort: 'dueOn',
          order: 'asc',
          page: 1,
          pageSize,
        }),
        findDormant(today, query.dormantMonths),
        findRenewalWindow(today, query.renewalWithinDays),
      ]);
      return { silentCommitments: silent.items, dormantAgreements, renewalWindow };
    },
  };
}

export type RadarService = ReturnType<typeof createRadarService>;
