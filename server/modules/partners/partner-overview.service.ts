import { and, desc, eq, notInArray, or, sql } from 'drizzle-orm';
import type { PartnerOverview } from '../../../common/contracts/portal.ts';
import { closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import { arrayHas } from '../../db/records.ts';
import type { AgreementsService } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import type { CommitmentsService } from '../commitments/commitments.service.ts';
import { commitments } from '../commitments/commitments.table.ts';
import type { EventsService } from '../events/events.service.ts';
import { eventParticipants, events } from '../events/events.table.ts';
import { people } from '../people/people.table.ts';
import type { PartnersService } from './partners.service.ts';

/** Records in the order of their ids (the order a query chose), in one pass. */
function inOrderOf<T extends { id: string }>(ids: string[], items: T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);
}

/** Everything hoptac knows about one partner, for the partner page and pre-meeting briefings:
 * the newest `limit` of each kind with the count of all, so a partner of twenty years answers
 * as fast and as small as a new one (the lists, filtered by partner, hold the rest). */
export function createPartnerOverviewService(deps: {
  db: Database;
  partners: PartnersService;
  agreements: AgreementsService;
  events: EventsService;
  commitments: CommitmentsService;
}) {
  const { db } = deps;

  async function count(query: Promise<{ n: number }[]>): Promise<number> {
    const [row] = await query;
    return Number(row?.n ?? 0);
  }

  return {
    async getOverview(partnerId: string, { limit = 20 }: { limit?: number } = {}): Promise<PartnerOverview> {
      const partner = await deps.partners.get(partnerId);
      const isParty = arrayHas(agreements.partyIds, partnerId);
      const isPartner = arrayHas(events.partnerIds, partnerId);
      // The partner's agreements and events through their array indexes, once: as `in (select …)`
      // under an `or`, the planner read both tables in full for each commitment query.
      const [partnerAgreements, partnerEvents] = await Promise.all([
        db.select({ id: agreements.id }).from(agreements).where(isParty),
        db.select({ id: events.id }).from(events).where(isPartner),
      ]);
      const uuids = (rows: { id: string }[]) => sql`${sql.param(rows.map((row) => row.id))}::uuid[]`;
      const isOpenOfPartner = and(
        or(
          sql`${commitments.agreementId} = any(${uuids(partnerAgreements)})`,
          sql`${commitments.eventId} = any(${uuids(partnerEvents)})`,
        ),
        notInArray(commitments.status, [...closedCommitmentStatuses]),
      );
      const n = sql<number>`count(*)::int`;

      const agreementRowsQuery = db
        .select({ id: agreements.id })
        .from(agreements)
        .where(isParty)
        .orderBy(sql`${agreements.signedOn} desc nulls last`, desc(agreements.id))
        .limit(limit);
      const eventRowsQuery = db
        .select({ id: events.id })
        .from(events)
        .where(isPartner)
        .orderBy(sql`${events.startOn} desc nulls last`, desc(events.id))
        .limit(limit);
      const commitmentRowsQuery = db
        .select({ id: commitments.id })
        .from(commitments)
        .where(isOpenOfPartner)
        .orderBy(
          sql`coalesce(${commitments.dueOn}, make_date(coalesce(${commitments.horizonYear}, 9999), 12, 31))`,
          commitments.id,
        )
        .limit(limit);

      // One line per person, at their most recent meeting with this partner.
      const lastMeetings = db
        .selectDistinctOn([eventParticipants.personId], {
          // Named apart: the subquery would otherwise hold two columns called id and title.
          personId: sql<string>`${eventParticipants.personId}`.as('person_id'),
          name: sql<string>`${people.name}`.as('name'),
          countryCode: sql<string | null>`${people.countryCode}`.as('country_code'),
          title: sql<string | null>`${eventParticipants.title}`.as('title'),
          eventId: sql<string>`${events.id}`.as('event_id'),
          eventTitle: sql<string>`${events.title}`.as('event_title'),
          on: sql<string | null>`${events.startOn}::text`.as('met_on'),
        })
        .from(eventParticipants)
        .innerJoin(people, eq(people.id, eventParticipants.personId))
        .innerJoin(events, eq(events.id, eventParticipants.eventId))
        .where(isPartner)
        .orderBy(eventParticipants.personId, sql`${events.startOn} desc nulls last`)
        .as('last_meetings');
      const metQuery = db
        .select()
        .from(lastMeetings)
        .orderBy(sql`${lastMeetings.on} desc nulls last`, lastMeetings.personId)
        .limit(limit);

      const tagged = sql`(select unnest(${agreements.areaIds}) as area_id from ${agreements} where ${isParty}
        union all select unnest(${events.areaIds}) from ${events} where ${isPartner})`;
      const areaRowsQuery = db
        .select({ id: areas.id, labelVi: areas.labelVi, labelEn: areas.labelEn, count: n })
        .from(sql`${tagged} as tagged`)
        .innerJoin(areas, sql`${areas.id} = tagged.area_id`)
        .groupBy(areas.id, areas.labelVi, areas.labelEn)
        .orderBy(desc(n), areas.id);

      // Independent reads, sent together: PostgreSQL answers them on several connections, PGlite
      // in one queue without a round trip between them.
      const [agreementRows, eventRows, commitmentRows, met, areaRows, counts] = await Promise.all([
        agreementRowsQuery,
        eventRowsQuery,
        commitmentRowsQuery,
        metQuery,
        areaRowsQuery,
        Promise.all([
          count(db.select({ n }).from(agreements).where(isParty)),
          count(db.select({ n }).from(events).where(isPartner)),
          count(
            db
              .select({ n: sql<number>`count(distinct ${eventParticipants.personId})::int` })
              .from(eventParticipants)
              .innerJoin(events, eq(events.id, eventParticipants.eventId))
              .where(isPartner),
          ),
          count(db.select({ n }).from(commitments).where(isOpenOfPartner)),
        ]),
      ]);
      const agreementIds = agreementRows.map((row) => row.id);
      const eventIds = eventRows.map((row) => row.id);
      const commitmentIds = commitmentRows.map((row) => row.id);
      const [agreementRecords, eventRecords, commitmentRecords] = await Promise.all([
        deps.agreements.getMany(agreementIds),
        deps.events.getMany(eventIds),
        deps.commitments.getMany(commitmentIds),
      ]);
      return {
        partner,
        agreements: inOrderOf(agreementIds, agreementRecords),
        events: inOrderOf(eventIds, eventRecords),
        peopleMet: met,
        openCommitments: inOrderOf(commitmentIds, commitmentRecords),
        areas: areaRows.map((row) => ({ ...row, count: Number(row.count) })),
        counts: {
          agreements: counts[0],
          events: counts[1],
          peopleMet: counts[2],
          openCommitments: counts[3],
        },
      };
    },
  };
}

export type PartnerOverviewService = ReturnType<typeof createPartnerOverviewService>;
