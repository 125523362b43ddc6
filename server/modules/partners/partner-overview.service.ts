import { desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { PartnerOverview } from '../../../common/contracts/portal.ts';
import { closedCommitmentStatuses } from '../../../common/domain/enums.ts';
import type { Database } from '../../db/client.ts';
import type { AgreementsService } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { areas } from '../areas/areas.table.ts';
import type { CommitmentsService } from '../commitments/commitments.service.ts';
import { commitments } from '../commitments/commitments.table.ts';
import type { EventsService } from '../events/events.service.ts';
import { eventParticipants, events } from '../events/events.table.ts';
import { people } from '../people/people.table.ts';
import type { PartnersService } from './partners.service.ts';

/** Everything hoptac knows about one partner, for the partner page and pre-meeting briefings. */
export function createPartnerOverviewService(deps: {
  db: Database;
  partners: PartnersService;
  agreements: AgreementsService;
  events: EventsService;
  commitments: CommitmentsService;
}) {
  const { db } = deps;
  return {
    async getOverview(partnerId: string): Promise<PartnerOverview> {
      const partner = await deps.partners.get(partnerId);
      const agreementRows = await db
        .select({ id: agreements.id })
        .from(agreements)
        .where(sql`${agreements.partyIds} @> array[${partnerId}::uuid]`)
        .orderBy(desc(agreements.signedOn));
      const eventRows = await db
        .select({ id: events.id })
        .from(events)
        .where(sql`${events.partnerIds} @> array[${partnerId}::uuid]`)
        .orderBy(desc(events.startOn));
      const agreementIds = agreementRows.map((row) => row.id);
      const eventIds = eventRows.map((row) => row.id);
      const partnerAgreements = await deps.agreements.getMany(agreementIds);
      const partnerEvents = await deps.events.getMany(eventIds);
      const byDateDesc = <T extends { id: string }>(ids: string[], items: T[]) =>
        ids.map((id) => items.find((item) => item.id === id)).filter((item): item is T => item !== undefined);

      const met = eventIds.length
        ? await db
            .select({
              personId: people.id,
              name: people.name,
              countryCode: people.countryCode,
              title: eventParticipants.title,
              eventId: events.id,
              eventTitle: events.title,
              on: events.startOn,
            })
            .from(eventParticipants)
            .innerJoin(people, eq(people.id, eventParticipants.personId))
            .innerJoin(events, eq(events.id, eventParticipants.eventId))
            .where(inArray(eventParticipants.eventId, eventIds))
            .orderBy(desc(events.startOn))
        : [];

      const origins = [
        agreementIds.length ? inArray(commitments.agreementId, agreementIds) : undefined,
        eventIds.length ? inArray(commitments.eventId, eventIds) : undefined,
      ].filter((condition) => condition !== undefined);
      const commitmentRows = origins.length
        ? await db
            .select({
              id: commitments.id,
              status: commitments.status,
              dueOn: commitments.dueOn,
              horizonYear: commitments.horizonYear,
            })
            .from(commitments)
            .where(or(...origins))
        : [];
      const open = commitmentRows.filter((row) => !closedCommitmentStatuses.includes(row.status));
      const openCommitments = (await deps.commitments.getMany(open.map((row) => row.id))).sort((a, b) =>
        (a.dueOn ?? `${a.horizonYear ?? 9999}-12-31`).localeCompare(
          b.dueOn ?? `${b.horizonYear ?? 9999}-12-31`,
        ),
      );

      const areaCounts = new Map<string, number>();
      for (const item of [...partnerAgreements, ...partnerEvents]) {
        for (const id of item.areaIds) areaCounts.set(id, (areaCounts.get(id) ?? 0) + 1);
      }
      const areaRows = areaCounts.size
        ? await db
            .select()
            .from(areas)
            .where(inArray(areas.id, [...areaCounts.keys()]))
        : [];

      return {
        partner,
        agreements: byDateDesc(agreementIds, partnerAgreements),
        events: byDateDesc(eventIds, partnerEvents),
        // One line per person, at their most recent meeting (rows come newest first).
        peopleMet: met.filter(
          (row, index) => met.findIndex((other) => other.personId === row.personId) === index,
        ),
        openCommitments,
        areas: areaRows
          .map((row) => ({
            id: row.id,
            labelVi: row.labelVi,
            labelEn: row.labelEn,
            count: areaCounts.get(row.id) ?? 0,
          }))
          .sort((a, b) => b.count - a.count),
      };
    },
  };
}

export type PartnerOverviewService = ReturnType<typeof createPartnerOverviewService>;
