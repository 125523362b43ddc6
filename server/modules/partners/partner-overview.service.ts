import { sql } from 'drizzle-orm';
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

type PersonMet = PartnerOverview['peopleMet'][number];
type AreaCount = PartnerOverview['areas'][number];

type OverviewRow = {
  agreement_ids: string[];
  event_ids: string[];
  commitment_ids: string[];
  people_met: PersonMet[];
  areas: AreaCount[];
  agreement_count: number;
  event_count: number;
  people_count: number;
  commitment_count: number;
};

/** Everything hoptac knows about one partner, for the partner page and pre-meeting briefings:
 * the newest `limit` of each kind with the count of all, so a partner of twenty years answers
 * as small as a new one (the lists, filtered by partner, hold the rest). */
export function createPartnerOverviewService(deps: {
  db: Database;
  partners: PartnersService;
  agreements: AgreementsService;
  events: EventsService;
  commitments: CommitmentsService;
}) {
  const { db } = deps;

  /** One statement: the partner's agreements and events are read once each through their array
   * indexes (materialised), and every list, count and tally is taken from those two readings. Seven
   * separate queries read the same thousands of rows seven times for a partner of twenty years. */
  function overviewStatement(partnerId: string, limit: number) {
    const closed = sql.param([...closedCommitmentStatuses]);
    return sql`
      with pa as materialized (
        select ${agreements.id} as id, ${agreements.signedOn} as signed_on, ${agreements.areaIds} as area_ids
        from ${agreements} where ${arrayHas(agreements.partyIds, partnerId)}),
      pe as materialized (
        select ${events.id} as id, ${events.startOn} as start_on, ${events.title} as title, ${events.areaIds} as area_ids
        from ${events} where ${arrayHas(events.partnerIds, partnerId)}),
      open_commitments as materialized (
        select ${commitments.id} as id, ${commitments.dueOn} as due_on, ${commitments.horizonYear} as horizon_year
        from ${commitments}
        where (${commitments.agreementId} = any(array(select id from pa))
               or ${commitments.eventId} = any(array(select id from pe)))
          and not (${commitments.status} = any(${closed}::text[]))),
      -- One line per person, at their most recent meeting with this partner.
      last_meetings as (
        select distinct on (${eventParticipants.personId})
          ${eventParticipants.personId} as person_id, ${people.name} as name,
          ${people.countryCode} as country_code, ${eventParticipants.title} as title,
          pe.id as event_id, pe.title as event_title, pe.start_on as met_on
        from ${eventParticipants}
        join pe on pe.id = ${eventParticipants.eventId}
        join ${people} on ${people.id} = ${eventParticipants.personId}
        order by ${eventParticipants.personId}, pe.start_on desc nulls last)
      select
        array(select id::text from pa order by signed_on desc nulls last, id desc limit ${limit}) as agreement_ids,
        array(select id::text from pe order by start_on desc nulls last, id desc limit ${limit}) as event_ids,
        array(select id::text from open_commitments
              order by coalesce(due_on, make_date(coalesce(horizon_year, 9999), 12, 31)), id limit ${limit}) as commitment_ids,
        coalesce((select json_agg(json_build_object('personId', person_id, 'name', name,
                    'countryCode', country_code, 'title', title, 'eventId', event_id,
                    'eventTitle', event_title, 'on', met_on::text))
                  from (select * from last_meetings order by met_on desc nulls last, person_id limit ${limit}) as m),
                 '[]') as people_met,
        coalesce((select json_agg(json_build_object('id', ${areas.id}, 'labelVi', ${areas.labelVi},
                    'labelEn', ${areas.labelEn}, 'count', tally.n) order by tally.n desc, ${areas.id})
                  from (select area_id, count(*)::int as n
                        from (select unnest(area_ids) as area_id from pa
                              union all select unnest(area_ids) from pe) as tagged
                        group by area_id) as tally
                  join ${areas} on ${areas.id} = tally.area_id),
                 '[]') as areas,
        (select count(*)::int from pa) as agreement_count,
        (select count(*)::int from pe) as event_count,
        (select count(*)::int from last_meetings) as people_count,
        (select count(*)::int from open_commitments) as commitment_count`;
  }

  return {
    async getOverview(partnerId: string, { limit = 20 }: { limit?: number } = {}): Promise<PartnerOverview> {
      const [partner, result] = await Promise.all([
        deps.partners.get(partnerId),
        db.execute(overviewStatement(partnerId, limit)),
      ]);
      const row = (result as unknown as { rows: OverviewRow[] }).rows[0]!;
      const [agreementRecords, eventRecords, commitmentRecords] = await Promise.all([
        deps.agreements.getMany(row.agreement_ids),
        deps.events.getMany(row.event_ids),
        deps.commitments.getMany(row.commitment_ids),
      ]);
      return {
        partner,
        agreements: inOrderOf(row.agreement_ids, agreementRecords),
        events: inOrderOf(row.event_ids, eventRecords),
        peopleMet: row.people_met,
        openCommitments: inOrderOf(row.commitment_ids, commitmentRecords),
        areas: row.areas,
        counts: {
          agreements: row.agreement_count,
          events: row.event_count,
          peopleMet: row.people_count,
          openCommitments: row.commitment_count,
        },
      };
    },
  };
}

export type PartnerOverviewService = ReturnType<typeof createPartnerOverviewService>;
